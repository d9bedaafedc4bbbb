#!/usr/bin/env bash
# Runs each built image with its own CMD against the local Postgres and Redis (host network,
# non-default ports), waits for its HEALTHCHECK to report healthy, then sends SIGTERM and
# expects exit code 0 within the shutdown timeout.
source "$(dirname "$0")/common.sh"

SHUTDOWN_TIMEOUT_MS=10000
run_id="orders-images-$$"
database="orders_images_$$"
pg_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
database_url="${pg_url%/*}/$database"
cleanup() {
  for c in "$run_id-api" "$run_id-worker"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  psql -q "$pg_url" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

env_args=(
  -e "DATABASE_URL=$database_url"
  -e "REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379}"
  # Its own queues on the shared Redis.
  -e "REDIS_KEY_PREFIX={$run_id}:"
  -e "JWT_SECRET=$run_id-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  -e "SHUTDOWN_TIMEOUT_MS=$SHUTDOWN_TIMEOUT_MS"
  -e "METRICS_PORT=$(free_port)"
)

psql -q "$pg_url" -c "CREATE DATABASE $database" >/dev/null
log 'migrate (the compose one-shot command, in the api image)'
docker run --rm --network host "${env_args[@]}" orders-api:local node dist/db/migrate-cli.js >/dev/null

# check PROCESS PORT_VARIABLE
check() {
  local process=$1 variable=$2 port name status code started elapsed
  port=$(free_port)
  name="$run_id-$process"
  docker run -d --name "$name" --network host "${env_args[@]}" -e "$variable=$port" \
    "orders-$process:local" >/dev/null
  started=$(date +%s)
  while :; do
    status=$(docker inspect -f '{{.State.Status}} {{.State.Health.Status}}' "$name")
    [ "$status" = 'running healthy' ] && break
    if [ "${status%% *}" != running ] || [ $(($(date +%s) - started)) -gt 60 ]; then
      docker logs --tail 30 "$name" >&2
      die "$process: not healthy after $(($(date +%s) - started)) s ($status)"
    fi
    sleep 1
  done
  log "$process: healthy on $variable=$port after $(($(date +%s) - started)) s"

  started=$(date +%s%N)
  docker kill -s TERM "$name" >/dev/null
  code=$(timeout $((SHUTDOWN_TIMEOUT_MS / 1000)) "$DOCKER" wait "$name") ||
    die "$process: still running ${SHUTDOWN_TIMEOUT_MS} ms after SIGTERM"
  elapsed=$((($(date +%s%N) - started) / 1000000))
  if [ "$code" != 0 ]; then
    docker logs --tail 30 "$name" >&2
    die "$process: exit code $code after SIGTERM"
  fi
  log "$process: SIGTERM → exit 0 in $elapsed ms"
}

# Both at once: most of the wait is the first health check interval.
check api PORT & api=$!
check worker WORKER_PORT & worker=$!
wait "$api" && wait "$worker"
