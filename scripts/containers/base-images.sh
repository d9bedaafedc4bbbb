#!/usr/bin/env bash
# Makes, once per machine, the images the Dockerfiles and the compose smoke name, from what this
# machine can reach (the public registry cannot be): a Debian bookworm root filesystem from
# debootstrap, imported as debian:bookworm-slim; on it Node 24 (the binary of the project's npm
# `node` package) and npm as the official node image; and stand-ins for postgres, redis and
# prometheus from Debian's packages. Each image is labelled with a hash of its recipe and
# rebuilt only when that changes.
source "$(dirname "$0")/common.sh"
HERE="$ROOT/scripts/containers/images"

NODE_VERSION=$("$ROOT/node_modules/.bin/node" -p 'process.versions.node')
NODE_IMAGE=$(sed -n 's/^ARG NODE_IMAGE=//p' "$ROOT/Dockerfile.api")
[ "$NODE_IMAGE" = "node:$NODE_VERSION-bookworm-slim" ] ||
  die "Dockerfile.api names $NODE_IMAGE but the project's Node is $NODE_VERSION"
compose_image() { sed -n "s|^    image: \(${1}:.*\)$|\1|p" "$ROOT/docker-compose.yml" | head -1; }

# True when $1 exists with recipe label $2.
current() {
  [ "$(docker image inspect -f '{{index .Config.Labels "orders.recipe"}}' "$1" 2>/dev/null)" = "$2" ]
}

debian() {
  local tag=debian:bookworm-slim recipe
  recipe=$(declare -f debian | sha256sum | cut -c1-16)
  current "$tag" "$recipe" && return
  local rootfs mirror
  rootfs=$(mktemp -d /var/tmp/orders-rootfs.XXXXXX)
  mirror=$(grep -rhoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list* 2>/dev/null | head -1 | tr -d ' ' || true)
  log "debootstrap bookworm from ${mirror:-http://deb.debian.org/debian} (about a minute)"
  debootstrap --variant=minbase bookworm "$rootfs" "${mirror:-http://deb.debian.org/debian}" >/dev/null
  # As the official slim image: no docs, man pages or locales, now or from later installs.
  cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
CFG
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$rootfs/etc/apt/apt.conf.d/docker-no-recommends"
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  rm -rf "$rootfs"/usr/share/{man,info,locale}/* "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
  tar -C "$rootfs" -c . | docker import -c 'CMD ["bash"]' \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c "LABEL orders.recipe=$recipe" - "$tag" >/dev/null
  rm -rf "$rootfs"
}

# build TAG DOCKERFILE [CONTEXT]: a docker build whose recipe hash covers the Dockerfile and context.
build() {
  local tag=$1 dockerfile=$2 context=${3:-$HERE} recipe
  recipe=$( (cat "$dockerfile"; tar -C "$context" -c --sort=name --mtime=@0 --owner=0 --group=0 . | sha256sum) | sha256sum | cut -c1-16)
  current "$tag" "$recipe" && return
  log "building $tag"
  DOCKER_BUILDKIT=1 docker build -q --network host --label "orders.recipe=$recipe" \
    -f "$dockerfile" -t "$tag" "$context" >/dev/null
}

debian

# Node: the project's binary and the npm the machine runs, with the machine's CA bundle
# (npm inside a build fails with SELF_SIGNED_CERT_IN_CHAIN without it).
node_context=$(mktemp -d /var/tmp/orders-node.XXXXXX)
trap 'rm -rf "$node_context"' EXIT
cp "$(readlink -f "$ROOT/node_modules/.bin/node")" "$node_context/node"
cp -r "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$node_context/npm"
cp /etc/ssl/certs/ca-certificates.crt "$node_context/"
cp "$HERE/node.Dockerfile" "$node_context/"
build "$NODE_IMAGE" "$node_context/node.Dockerfile" "$node_context"

# Stand-ins for the compose smoke, tagged as the images docker-compose.yml names.
build "$(compose_image postgres)" "$HERE/postgres.Dockerfile"
build "$(compose_image redis)" "$HERE/redis.Dockerfile"
build "$(compose_image prom/prometheus)" "$HERE/prometheus.Dockerfile"
