#!/usr/bin/env bash
# Builds both images exactly as committed, tagged as docker-compose.yml names them.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
for process in api worker; do
  log "docker build Dockerfile.$process"
  start=$(date +%s)
  DOCKER_BUILDKIT=1 docker build -q --network host -f "Dockerfile.$process" -t "orders-$process:local" . >/dev/null
  size=$(docker image inspect -f '{{.Size}}' "orders-$process:local")
  log "orders-$process:local built in $(($(date +%s) - start)) s, $((size / 1000000)) MB"
done
