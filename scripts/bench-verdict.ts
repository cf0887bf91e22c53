// npm run bench:verdict [-- --replay RUN_DIR]: how soon `--runs auto` reaches a verdict, against the stop rule it
// replaced. Runs `--runs auto` on the sshfs lab (npm-install, medium fixture; native, bind, hybrid, volume), then
// prints per cell its verdict, the look that decided it and the wall time to that look, beside what the old rule
// (every round from the 7th: the ratio of medians' corner-product interval within ±5% for every cell, at most 30
// samples) reached on the same run's samples. --replay reads an earlier run directory instead of running.
// While it runs it holds /tmp/mountbench-bench.lock, so that other work on the machine waits (/tmp/quiet-gate.sh).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Cell, RunDocument } from '../src/model/run-document.js';
import { parseRunDocument } from '../src/results/store.js';
import { planLooks } from '../src/stats/looks.js';
import { ratioInterval } from '../src/stats/order-statistics.js';
import { DEFAULT_MARGIN, judgeRatio, relativeHalfWidth } from '../src/stats/ratio-verdict.js';
import { measuredValues, ratioIntervalOf } from '../src/stats/summarise-cells.js';
import { median } from '../src/stats/descriptive.js';

const LAB = 'mountbench-lab';
const OLD_PRECISION = 0.05;
const OLD_FIRST_LOOK = 7;
const OLD_MAX_RUNS = 30;
const LOCK = '/tmp/mountbench-bench.lock';

function sh(command: string, args: string[]): void {
  const done = spawnSync(command, args, { stdio: 'inherit' });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${done.status ?? done.signal}`);
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** Run --runs auto on the lab; the run directory. */
function measure(): string {
  sh('npm', ['run', '--silent', 'build']);
  sh('bash', ['scripts/ensure-engine.sh']);
  sh('bash', ['scripts/sharing-lab.sh', 'up']);
  const out = join('bench-results', `verdict-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`);
  writeFileSync(LOCK, `${process.pid}\n`);
  try {
    console.log(`load average before: ${load()}`);
    const run = spawnSync('node', ['dist/bin.js', 'run', '--platform', LAB, '--workload', 'npm-install', '--fixture', 'medium',
      '--strategies', 'native,bind,hybrid,volume', '--runs', 'auto', '--output', out], { stdio: 'inherit' });
    console.log(`load average after: ${load()} (mountbench exited ${run.status ?? run.signal})`);
  } finally {
    rmSync(LOCK, { force: true });
  }
  return out;
}

/** The cell with only its first n measured samples (the run as it stood after n rounds). */
function firstRounds(cell: Cell, n: number): Cell {
  const kept = new Set(measuredValues(cell).slice(0, n).map((v) => v.index));
  return { ...cell, samples: cell.samples.filter((s) => s.warmup || kept.has(s.index)) };
}

/** Seconds from the run's start to the end of round n (the last of its samples to finish). */
function wallToRound(doc: RunDocument, cells: Cell[], n: number): number {
  const ends = cells.flatMap((c) => {
    const s = c.samples.filter((x) => !x.warmup)[n - 1];
    return s ? [Date.parse(s.startedAt) + (s.wallSeconds ?? 0) * 1000] : [];
  });
  return (Math.max(...ends) - Date.parse(doc.startedAt)) / 1000;
}

/** The first planned look at which the cell's verdict settled, replayed on its own samples. */
function decidingLook(doc: RunDocument, cell: Cell, native: Cell): number | null {
  const margin = doc.settings.margin ?? DEFAULT_MARGIN;
  const plan = planLooks(doc.settings.auto?.looks);
  if ('reason' in plan) throw new Error(`the run's looks: ${plan.reason}`);
  for (const look of plan.looks) {
    if (measuredValues(cell).length < look.samples || measuredValues(native).length < look.samples) break;
    const interval = ratioIntervalOf(firstRounds(cell, look.samples), firstRounds(native, look.samples), doc.settings.order, look.confidence);
    if (interval.coverage !== null && judgeRatio(interval, { margin }).settled) return look.samples;
  }
  return null;
}

/** The old rule's corner-product half-width for a cell after n rounds (Infinity without an interval). */
function oldHalfWidth(cell: Cell, native: Cell, n: number): number {
  const [a, b] = [measuredValues(cell).slice(0, n).map((v) => v.value), measuredValues(native).slice(0, n).map((v) => v.value)];
  const interval = ratioInterval(a, b);
  return interval.coverage === null ? Infinity : relativeHalfWidth({ estimate: median(a) / median(b), low: interval.low, high: interval.high });
}

const minutes = (s: number) => (s < 120 ? `${s.toFixed(0)} s` : `${(s / 60).toFixed(1)} min`);
const pct = (x: number) => (Number.isFinite(x) ? `±${(x * 100).toFixed(1)}%` : 'none');

function report(dir: string): void {
  const file = join(dir, 'run.json');
  if (!existsSync(file)) throw new Error(`${file} was not written: the run failed (see above)`);
  const doc = parseRunDocument(JSON.parse(readFileSync(file, 'utf8')), file);
  // The lab's npm-install cells (a replayed run: its first platform and workload), headline measure.
  const platform = doc.platforms.some((p) => p.name === LAB) ? LAB : doc.platforms[0].name;
  const first = doc.cells.find((c) => c.platform === platform)!;
  const cells = doc.cells.filter((c) => c.platform === platform && c.workload === first.workload && c.measure === first.measure);
  const native = cells.find((c) => c.strategy === 'native');
  if (!native) throw new Error(`no native cell on ${platform} in ${file}`);
  const others = cells.filter((c) => c !== native);
  const taken = Math.min(...cells.map((c) => measuredValues(c).length));
  const stop = doc.stopping.find((s) => s.platform === platform);
  console.log(`\n${platform}, ${first.workload} (${doc.settings.fixture}), --runs ${doc.settings.runs}: ${stop ? `${stop.rule} after ${stop.samples} samples per cell` : 'no stopping record'}, ${minutes(wallToRound(doc, cells, taken))}`);

  // The old rule: from the 7th round, stop when every cell's corner-product interval is within ±5%.
  const oldReach = Math.min(taken, OLD_MAX_RUNS);
  let oldStop: number | null = null;
  for (let n = OLD_FIRST_LOOK; n <= oldReach && oldStop === null; n++) {
    if (others.every((c) => oldHalfWidth(c, native, n) <= OLD_PRECISION)) oldStop = n;
  }
  const oldAt = oldStop ?? oldReach;

  console.log('\n| cell | verdict (this run) | ratio (interval) | decided at look | wall time to it | old rule: first round within ±5% | old rule at its stop |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: |');
  for (const cell of others) {
    const r = cell.ratioToNative;
    const verdict = r?.verdict ? `${r.verdict.word}${r.verdict.forecast ? ` (forecast: ${r.verdict.forecast.kind === 'samples' ? 'about' : 'more than'} ${r.verdict.forecast.samples})` : ''}` : 'none';
    const ratio = r ? `${r.value.toFixed(2)}x${r.interval ? ` (${r.interval.low.toFixed(2)}–${r.interval.high.toFixed(2)})` : ''}` : '—';
    const look = decidingLook(doc, cell, native);
    let within: number | null = null;
    for (let n = OLD_FIRST_LOOK; n <= oldReach && within === null; n++) if (oldHalfWidth(cell, native, n) <= OLD_PRECISION) within = n;
    console.log(`| ${cell.strategy} | ${verdict} | ${ratio} | ${look ?? `not by ${taken}`} | ${look ? minutes(wallToRound(doc, cells, look)) : '—'} | ${within ?? `not by ${oldReach}`} | ${pct(oldHalfWidth(cell, native, oldAt))} |`);
  }
  console.log(`\nold rule: ${oldStop ? `would have stopped after ${oldStop} rounds (${minutes(wallToRound(doc, cells, oldStop))})` : `not every cell within ±5% by ${oldReach} rounds (it would have run to ${OLD_MAX_RUNS})`}`);
  console.log(`run directory: ${dir}`);
}

const replay = process.argv.indexOf('--replay');
if (replay >= 0) report(process.argv[replay + 1]);
else {
  report(measure());
  console.log('the lab stays up; stop it with: bash scripts/sharing-lab.sh down');
}
