#!/usr/bin/env bash
# Brings up the compose stack minus what cannot be built here (grafana, jaeger, otel-collector:
# no Debian packages), places one order through it, checks the worker confirmed it and the
# webhook receiver got it, and that Prometheus has data for every dashboard query. The app
# images must exist (build.sh; on GitHub, the workflow builds them); nothing is built here.
# COMPOSE overrides the client (GitHub: "docker compose"); SMOKE_SERVICES='' starts every
# service, and then Grafana's dashboards and Jaeger's traces are checked too.
source "$(dirname "$0")/common.sh"
cd "$ROOT"

read -r -a compose <<<"${COMPOSE:-docker-compose}"
services=${SMOKE_SERVICES-postgres redis migrate api worker webhook-receiver prometheus}
project=orders-smoke
export ORDERS_API_PORT=${ORDERS_API_PORT:-$(free_port)}
export ORDERS_WORKER_PORT=${ORDERS_WORKER_PORT:-$(free_port)}
export ORDERS_PROMETHEUS_PORT=${ORDERS_PROMETHEUS_PORT:-$(free_port)}
export ORDERS_GRAFANA_PORT=${ORDERS_GRAFANA_PORT:-$(free_port)}
export ORDERS_JAEGER_PORT=${ORDERS_JAEGER_PORT:-$(free_port)}
dc() { "${compose[@]}" -p "$project" -f docker-compose.yml "$@"; }
admin() { sed -n "s/^      $1: //p" docker-compose.yml | head -1; }

down() { dc down -v --remove-orphans >/dev/null 2>&1 || true; }
down
trap down EXIT
log "compose up: ${services:-every service}"
# shellcheck disable=SC2086 # a list of service names
if ! dc up -d --no-build $services; then
  dc logs --tail 40 >&2
  die 'compose up failed'
fi
status=0
npx --no-install tsx scripts/containers/smoke.ts "http://127.0.0.1:$ORDERS_API_PORT" \
  "http://127.0.0.1:$ORDERS_PROMETHEUS_PORT" "$(admin ADMIN_EMAIL)" "$(admin ADMIN_PASSWORD)" || status=$?
if [ "$status" = 0 ] && ! dc logs webhook-receiver | grep -q 'order.confirmed'; then
  log 'the webhook receiver got no order.confirmed' >&2
  status=1
fi
# The full stack (GitHub Actions): Grafana provisioned every dashboard, Jaeger holds API traces.
if [ "$status" = 0 ] && [ -z "$services" ]; then
  dashboards=$(find observability/grafana/dashboards -name '*.json' | wc -l)
  found=0
  for _ in $(seq 1 60); do
    found=$(curl -fsS "http://127.0.0.1:$ORDERS_GRAFANA_PORT/api/search?type=dash-db" 2>/dev/null | jq length || echo 0)
    [ "$found" = "$dashboards" ] && curl -fsS "http://127.0.0.1:$ORDERS_JAEGER_PORT/api/services" 2>/dev/null |
      jq -e '.data | index("orders-api")' >/dev/null && break
    sleep 1
  done
  [ "$found" = "$dashboards" ] || { log "Grafana lists $found dashboards, the folder has $dashboards" >&2; status=1; }
  curl -fsS "http://127.0.0.1:$ORDERS_JAEGER_PORT/api/services" | jq -e '.data | index("orders-api")' >/dev/null ||
    { log 'Jaeger has no orders-api traces' >&2; status=1; }
fi
if [ "$status" != 0 ]; then
  dc ps >&2
  dc logs --tail 40 >&2
  die 'compose smoke failed'
fi
log 'compose smoke: order confirmed, webhook received, every dashboard query has data'
