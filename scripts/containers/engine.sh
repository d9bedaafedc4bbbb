#!/usr/bin/env bash
# Makes sure a Docker engine answers: installs Debian's docker.io and debootstrap when missing,
# and starts dockerd when none runs. Idempotent; a running engine is left alone.
source "$(dirname "$0")/common.sh"

DATA_ROOT=${DOCKER_DATA_ROOT:-/var/lib/docker}
missing=()
[ -x /usr/bin/docker ] && command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v docker-compose >/dev/null || missing+=(docker-compose)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if docker info >/dev/null 2>&1; then exit 0; fi
# A daemon killed without cleanup leaves its pid file behind, and a new one refuses to start.
if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
  rm -f /var/run/docker.pid
fi
log "starting dockerd (data root $DATA_ROOT, log /var/log/orders-dockerd.log)"
mkdir -p "$DATA_ROOT"
nohup dockerd --data-root "$DATA_ROOT" >>/var/log/orders-dockerd.log 2>&1 &
for _ in $(seq 1 60); do
  docker info >/dev/null 2>&1 && exit 0
  sleep 1
done
tail -20 /var/log/orders-dockerd.log >&2
die 'dockerd did not answer within 60 s'
