#!/usr/bin/env bash
# The CI matrix's optional last job (.github/workflows/mountbench-matrix.yml), runnable anywhere: every run found
# below ARTIFACTS shared (anonymised, one file each into OUT-DIR) and, when REPO is given, sent to that results
# repository as one pull request per result (gh, signed in or given GH_TOKEN).
#   bash scripts/submit-artifacts.sh ARTIFACTS OUT-DIR [OWNER/REPO]
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts=${1:?usage: submit-artifacts.sh ARTIFACTS OUT-DIR [OWNER/REPO]}
out=${2:?usage: submit-artifacts.sh ARTIFACTS OUT-DIR [OWNER/REPO]}
repo=${3:-}
mkdir -p "$out"
[ -f dist/bin.js ] || npm run --silent build
count=0
while IFS= read -r run; do
  submit=()
  [ -n "$repo" ] && submit=(--submit "$repo")
  node dist/bin.js share "$run" --output "$out/$(basename "$(dirname "$run")").json" "${submit[@]}" > "$out/$(basename "$(dirname "$run")").md"
  count=$((count + 1))
done < <(find "$artifacts" -name run.json -not -path '*/.work/*' | sort)
echo "shared: $count run(s) -> $out${repo:+, sent to $repo}" >&2
