# Sourced by the container scripts: the Docker client and small helpers.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Debian's client: the newer /usr/local/bin/docker demands buildx for BuildKit builds.
DOCKER=${DOCKER:-/usr/bin/docker}
docker() { "$DOCKER" "$@"; }
log() { printf '[containers %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { log "FAIL: $*" >&2; exit 1; }
# A port nobody listens on (the engine runs containers with --network host).
free_port() {
  "$ROOT/node_modules/.bin/node" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
