// What the verdict stop rule does, by seeded simulation: paired rounds (shared load CV 30%, each sample's own
// lognormal noise at CV 5% or 20%), the paired signed-rank interval, looks at 10, 20 and 30 rounds (99%, 98.5%,
// 97.5%), margin 10%. Per case: the coverage of the true ratio by the interval where sampling stopped, the
// median rounds to a verdict, the share still undecided after 30, and for those the median forecast. For
// comparison, the coverage of judging after every round from 6 at 95%.
//
// Usage: node --import tsx scripts/simulate-verdicts.ts [--trials 4000] [--seed 1]
// (a development script: it uses the tests' seeded generators and tsx.)
import { planLooks, type LookPlan } from '../src/stats/looks.js';
import { DEFAULT_MARGIN, forecastSamples } from '../src/stats/ratio-verdict.js';
import { sequentialVerdict } from '../src/stats/sequential-verdict.js';
import { pairedRatioInterval } from '../src/stats/signed-rank.js';
import { seededRandom } from '../test/helpers/random.js';
import { pairedRounds } from '../test/helpers/timings.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} expects a whole number of 1 or more`);
  return value;
}

const trials = option('trials', 4000);
const firstSeed = option('seed', 1);
const planned = planLooks() as LookPlan;
const everyRound: LookPlan = {
  looks: Array.from({ length: 25 }, (_, i) => ({ samples: 6 + i, confidence: 0.95 })),
  overall: 0.95,
  split: 'proportional',
};

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

interface Run {
  coverage: number;
  stops: number[];
  forecasts: number[];
  verdicts: Map<string, number>;
}

function simulate(plan: LookPlan, ratio: number, cv: number, seed: number): Run {
  const random = seededRandom(seed);
  const last = plan.looks[plan.looks.length - 1].samples;
  const run: Run = { coverage: 0, stops: [], forecasts: [], verdicts: new Map() };
  let hits = 0;
  for (let trial = 0; trial < trials; trial++) {
    const rounds = pairedRounds(random, last, { ratio, cv });
    const outcome = sequentialVerdict(plan, (n, c) => pairedRatioInterval(rounds.slice(0, n), c));
    const interval = outcome.stopped.interval;
    if (interval.coverage !== null && interval.low <= ratio && ratio <= interval.high) hits++;
    const verdict = outcome.stopped.judgement?.verdict ?? 'no interval';
    run.verdicts.set(verdict, (run.verdicts.get(verdict) ?? 0) + 1);
    if (outcome.settled) run.stops.push(outcome.stopped.look.samples);
    else if (interval.coverage !== null) {
      const forecast = forecastSamples(interval);
      run.forecasts.push(forecast.kind === 'more-than' ? Infinity : forecast.samples);
    }
  }
  run.coverage = hits / trials;
  return run;
}

console.log(`Verdict stop rule: paired signed-rank interval, looks ${planned.looks.map((l) => `${l.samples} (${pct(l.confidence)})`).join(', ')}, margin ${pct(DEFAULT_MARGIN)}`);
console.log(`${trials} seeded replicates per case; a ratio of 1.1 sits on the margin (the worst case for stopping early).\n`);
console.log('| CV | true ratio | coverage at stop | median rounds to verdict | undecided after 30 | median forecast (undecided) | verdicts | every round at 95%: coverage |');
console.log('|---|---|---|---|---|---|---|---|');
let seed = firstSeed;
for (const cv of [0.05, 0.2]) {
  for (const ratio of [1, 1.1, 1.2, 3]) {
    const caseSeed = seed++;
    const run = simulate(planned, ratio, cv, caseSeed);
    const peeking = simulate(everyRound, ratio, cv, caseSeed);
    const undecided = 1 - run.stops.length / trials;
    // Undecided replicates count as "more than 30" for the median.
    const stopsMedian = undecided >= 0.5 ? '>30' : String(median([...run.stops, ...Array(trials - run.stops.length).fill(Infinity)]));
    const forecast = run.forecasts.length === 0 ? '–' : ((f) => (Number.isFinite(f) ? `${f}` : '>1000'))(median(run.forecasts));
    const verdicts = [...run.verdicts].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} ${pct(n / trials)}`).join(', ');
    console.log(`| ${pct(cv)} | ${ratio} | ${pct(run.coverage)} | ${stopsMedian} | ${pct(undecided)} | ${forecast} | ${verdicts} | ${pct(peeking.coverage)} |`);
  }
}
