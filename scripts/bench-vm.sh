#!/usr/bin/env bash
# The VM lab's shape beside the Macs': for virtiofs and 9p in turn (up --vm, the runs, down --vm), the files,
# traverse, git and npm-install (small fixture) ratios bind/volume and hybrid/volume inside the VM, next to the seed
# article's Mac ratios, with whether the guest ran under KVM or TCG and how long each step of `up` took.
#   npm run bench:vm [-- extra mountbench run options]
# Env: BENCH_RUNS (default 5), BENCH_WARMUP (default 1), BENCH_FILES (default 2000: the trees of files, traverse,
#      git), BENCH_WORKLOADS (default files,traverse,git,npm-install), BENCH_VM_SHARES (default "virtiofs 9p").
#      BENCH_SMOKE=1: one sample, no warm-up, 200 files, files only; it checks that the bench runs end to end, and
#      its figures are not figures.
# The machine: this takes /tmp/mountbench-bench.lock for its duration (other jobs wait on it, see
# /tmp/quiet-gate.sh) unless another holder already reserved the machine for it; a smoke run never takes it.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCK=/tmp/mountbench-bench.lock
if [ "${BENCH_SMOKE:-0}" = 1 ]; then
  runs=1 warmup=0 files=${BENCH_FILES:-200} workloads=${BENCH_WORKLOADS:-files}
else
  runs=${BENCH_RUNS:-5} warmup=${BENCH_WARMUP:-1} files=${BENCH_FILES:-2000} workloads=${BENCH_WORKLOADS:-files,traverse,git,npm-install}
fi

took_lock=no
release() {
  bash scripts/sharing-lab.sh down --vm >/dev/null 2>&1 || true
  if [ $took_lock = yes ]; then rm -f "$LOCK"; fi
}
trap release EXIT
if [ "${BENCH_SMOKE:-0}" = 1 ]; then
  echo "bench:vm: smoke run (BENCH_SMOKE=1): its figures are not figures" >&2
elif [ -e "$LOCK" ]; then
  echo "bench:vm: $LOCK is held (by $(cat "$LOCK" 2>/dev/null || echo 'its holder')): running under that reservation" >&2
elif (set -o noclobber; echo "bench:vm pid $$" >"$LOCK") 2>/dev/null; then
  took_lock=yes
else
  echo "bench:vm: $LOCK appeared meanwhile: running under that reservation" >&2
fi

npm run --silent build
bash scripts/ensure-engine.sh
# The sshfs lab and Podman are not this bench's: only the VM lab is brought up and down here.
bash scripts/sharing-lab.sh down --vm
out=bench-results/vm-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$out"
code=0
for share in ${BENCH_VM_SHARES:-virtiofs 9p}; do
  echo "bench:vm: --share $share" >&2
  if ! bash scripts/sharing-lab.sh up --vm --share "$share"; then
    echo "bench:vm: the VM lab did not come up with --share $share" >&2
    code=1
    bash scripts/sharing-lab.sh down --vm
    continue
  fi
  cp /run/mountbench-vm/lab.json "$out/lab-$share.json"
  # The run directory must be under a directory the VM shares (the lab's defaults include this repository).
  node dist/bin.js run --platform mountbench-vm --workload "$workloads" --fixture small --files "$files" \
    --strategies hybrid,bind,volume --runs "$runs" --warmup "$warmup" --no-history --output "$out/$share" "$@" || code=$?
  bash scripts/sharing-lab.sh down --vm
done
node --import tsx scripts/bench-vm-table.ts "$out" | tee "$out/vm-comparison.md"
echo "run directory: $out" >&2
exit $code
