#!/usr/bin/env bash
# Check every result in the repository as a pull request's check does (.github/workflows/check-results.yml):
# each file a shared result of mountbench's schema, anonymous, its id its hash, at results/<kind>/<yyyy-mm>/<id>.json,
# no result or run twice. Exit 1 listing the files refused and why.
#   bash scripts/check-results.sh [RESULTS-DIR]
# MOUNTBENCH overrides the command (default: npx mountbench@$MOUNTBENCH_VERSION, latest unless pinned).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-results}
mountbench=${MOUNTBENCH:-npx --yes mountbench@${MOUNTBENCH_VERSION:-latest}}
[ -d "$dir" ] || { echo "no folder $dir: results live in results/<platform-kind>/<yyyy-mm>/<id>.json" >&2; exit 2; }
$mountbench site "$dir" --check
