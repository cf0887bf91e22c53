#!/usr/bin/env bash
# Every built-in workload at full size on the host engine and on the slow file-sharing lab (sshfs), then the run's
# overview: one line per test and platform. npm-install at full size is bench:lab's job.
#   npm run bench:workloads [-- extra mountbench run options]
# Env: BENCH_RUNS (default 3), BENCH_WARMUP (default 1),
#      BENCH_WORKLOADS (default files,traverse,bigfile,git,watch,build), BENCH_FIXTURE (build fixture, default cra)
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
bash scripts/ensure-engine.sh
bash scripts/sharing-lab.sh up
out=bench-results/workloads-$(date -u +%Y%m%d-%H%M%S)
code=0
node dist/bin.js run --platform default,mountbench-lab \
  --workload "${BENCH_WORKLOADS:-files,traverse,bigfile,git,watch,build}" --fixture "${BENCH_FIXTURE:-cra}" \
  --runs "${BENCH_RUNS:-3}" --warmup "${BENCH_WARMUP:-1}" --output "$out" "$@" || code=$?
if [ -f "$out/results.md" ]; then
  # The overview, and the notes that qualify it.
  sed -n '/^## Overview/,/^## [a-z]/p' "$out/results.md" | sed '$d'
  sed -n '/^## Notes/,/^## Run/p' "$out/results.md" | sed '$d'
fi
echo "run directory: $out (the lab stays up; stop it with: bash scripts/sharing-lab.sh down)" >&2
exit $code
