#!/usr/bin/env bash
# The container step of .ci/run: engine, base images (cached once per machine), both images
# built as committed, each run with its own CMD to healthy and stopped with SIGTERM, then the
# compose smoke (one order through postgres, redis, migrate, api, worker, prometheus).
source "$(dirname "$0")/common.sh"
HERE="$ROOT/scripts/containers"
start=$(date +%s)
bash "$HERE/engine.sh"
bash "$HERE/base-images.sh"
bash "$HERE/build.sh"
bash "$HERE/run-images.sh"
if [ -f "$HERE/compose-smoke.sh" ]; then bash "$HERE/compose-smoke.sh"; fi
log "container step: $(($(date +%s) - start)) s"
