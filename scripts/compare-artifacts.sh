#!/usr/bin/env bash
# The final job of the CI matrix (.github/workflows/mountbench-matrix.yml), runnable anywhere: every run directory
# found below ARTIFACTS (one per machine, as actions/download-artifact lays them out) compared, with the articles'
# published figures, into one shareable report.
#   bash scripts/compare-artifacts.sh ARTIFACTS OUT-DIR
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts=${1:?usage: compare-artifacts.sh ARTIFACTS OUT-DIR}
out=${2:?usage: compare-artifacts.sh ARTIFACTS OUT-DIR}
mkdir -p "$out"
[ -f dist/bin.js ] || npm run --silent build
for format in html md csv; do
  node dist/bin.js compare "$artifacts" --published --format "$format" --output "$out/comparison.$format"
done
echo "compared: $(find "$artifacts" -name run.json -not -path '*/.work/*' | wc -l) run(s) -> $out/comparison.{html,md,csv}" >&2
