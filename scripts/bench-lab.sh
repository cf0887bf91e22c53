#!/usr/bin/env bash
# The full create-react-app benchmark on every platform of this Linux machine: the host engine, the slow
# file-sharing lab (sshfs) and Podman, then this run's ratios to native next to the seed article's.
#   npm run bench:lab [-- extra mountbench run options]
# Env: BENCH_RUNS (default 3), BENCH_WARMUP (default 1), BENCH_STRATEGIES (default: the seed's four).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
bash scripts/ensure-engine.sh
bash scripts/sharing-lab.sh up --podman
out=bench-results/lab-$(date -u +%Y%m%d-%H%M%S)
code=0
node dist/bin.js run --all-platforms --fixture cra \
  --strategies "${BENCH_STRATEGIES:-native,container,hybrid,bind}" \
  --runs "${BENCH_RUNS:-3}" --warmup "${BENCH_WARMUP:-1}" --output "$out" "$@" || code=$?
if [ -f "$out/run.json" ]; then
  cat "$out/results.md"
  node dist/bin.js compare "$out" --published --format md | tee "$out/seed-comparison.md"
fi
echo "run directory: $out (the lab stays up; stop it with: bash scripts/sharing-lab.sh down)" >&2
exit $code
