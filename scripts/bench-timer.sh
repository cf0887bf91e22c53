#!/usr/bin/env bash
# How exact mountbench's timer is: `sleep 0.2` as a user project under every strategy (its median should read
# 0.200 s plus the shell's start-up), next to hyperfine timing the same command through `docker exec`, which also
# counts the Engine API round trip mountbench leaves out.
#   npm run bench:timer
# Env: BENCH_RUNS (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
bash scripts/ensure-engine.sh
project=$(mktemp -d)
out=bench-results/timer-$(date -u +%Y%m%d-%H%M%S)
trap 'rm -rf "$project"' EXIT
node dist/bin.js run --project "$project" --command "sleep 0.2" --runs "${BENCH_RUNS:-10}" --warmup 1 \
  --output "$out" --progress plain 2>/dev/null
if command -v hyperfine >/dev/null; then
  image=$(node -e 'console.log(require(process.argv[1]).platforms[0].image.ref)' "$PWD/$out/run.json")
  container=$(docker run -d --rm --label mountbench.run=bench-timer --network none "$image" sleep infinity)
  trap 'docker rm -f "$container" >/dev/null; rm -rf "$project"' EXIT
  hyperfine --warmup 2 --runs "${BENCH_RUNS:-10}" --style basic "docker exec $container sh -c 'sleep 0.2'"
else
  echo "hyperfine is not installed: no outside figure to compare with (apt-get install hyperfine)" >&2
fi
