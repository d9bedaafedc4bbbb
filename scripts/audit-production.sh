#!/usr/bin/env bash
# Fails on any high or critical advisory in a production dependency (npm audit --omit=dev).
# Where the registry's audit endpoint cannot be reached (the build machines of this project),
# it says so and exits 2: an audit that did not run must not read as a clean one.
set -uo pipefail
cd "$(dirname "$0")/.."

output=$(npm audit --omit=dev --audit-level=high 2>&1)
status=$?
echo "$output"
if [ "$status" -ne 0 ] && grep -qiE 'audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network' <<<"$output"; then
  echo "audit-production: the registry's audit endpoint is unreachable; nothing was audited" >&2
  exit 2
fi
exit "$status"
