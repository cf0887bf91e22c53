// The summarise step: from each cell's samples to its summary and its ratio to the reference (native) cell of its
// platform, workload and measure. Pure: the same cells always give the same numbers, so `mountbench report` can
// derive them again (documents of an older schema are summarised anew this way).
//
// The ratio is paired when the rounds are: under the interleaved order each round takes one sample of every cell,
// so sample i of a cell and sample i of native share that round's load. A failed or missing sample breaks the
// pairing of its cell (the rounds left are no longer the rounds run), and so does the sequential order: then the
// unpaired rank interval of the two samples.
import type { Cell, Ratio, RatioVerdict, RunDocument } from '../model/run-document.js';
import { REFERENCE_STRATEGY } from '../model/strategies.js';
import { lookAt, planLooks, type LookPlan } from './looks.js';
import type { RatioIntervalResult } from './rank-interval.js';
import { unpairedRatioInterval } from './rank-sum.js';
import { forecastSamples, judgeRatio, DEFAULT_MARGIN } from './ratio-verdict.js';
import { pairedRatioInterval } from './signed-rank.js';
import { summarise, type IndexedValue } from './summary.js';

/** How the run took its samples, which decides how its ratios are read. */
export interface SummariseOptions {
  order: 'interleaved' | 'sequential';
  /** Ratios within 1 ± margin of native are the same. */
  margin: number;
  /** --runs auto: the planned looks; each ratio is taken at the confidence of the look its samples reached. */
  looks: LookPlan | null;
  /** --runs auto --precision: the half-width a settled verdict also needs (for the forecast); null for none. */
  precision: number | null;
}

export const DEFAULT_SUMMARISE: SummariseOptions = { order: 'interleaved', margin: DEFAULT_MARGIN, looks: null, precision: null };

/** How a run document's settings say its ratios are read (documents before verdicts: interleaved, default margin,
 * and, under --runs auto, no planned looks: they looked every round). */
export function summariseOptionsOf(settings: RunDocument['settings']): SummariseOptions {
  const plan = settings.auto?.looks ? planLooks(settings.auto.looks) : null;
  return {
    order: settings.order,
    margin: settings.margin ?? DEFAULT_MARGIN,
    looks: plan && !('reason' in plan) ? plan : null,
    precision: settings.auto?.looks ? settings.auto.precision : null,
  };
}

/** The samples that count: measured (not warm-up) and successful. */
export function measuredValues(cell: Cell): IndexedValue[] {
  return cell.samples.flatMap((s) => (!s.warmup && s.value !== null ? [{ index: s.index, value: s.value, ...(s.cost ? { cost: s.cost } : {}) }] : []));
}

/** Whether two cells' samples pair round by round: interleaved, and the same rounds measured in both. */
export function pairedRounds(cell: Cell, reference: Cell, order: SummariseOptions['order']): boolean {
  if (order !== 'interleaved') return false;
  const rounds = (c: Cell) => c.samples.filter((s) => !s.warmup).map((s) => (s.value === null ? -1 : s.index));
  const [a, b] = [rounds(cell), rounds(reference)];
  return a.length === b.length && a.every((index, i) => index >= 0 && index === b[i]);
}

/** The ratio interval of a cell to its reference at this confidence: paired when the rounds are, else unpaired. */
export function ratioIntervalOf(cell: Cell, reference: Cell, order: SummariseOptions['order'], confidence = 0.95): RatioIntervalResult {
  const [own, ref] = [measuredValues(cell), measuredValues(reference)];
  if (pairedRounds(cell, reference, order)) return pairedRatioInterval(own.map((v, i) => [v.value, ref[i].value] as const), confidence);
  return unpairedRatioInterval(own.map((v) => v.value), ref.map((v) => v.value), confidence);
}

/** The verdict of an interval, turned so that "slower" is worse than native whichever way the metric points. */
function verdictOf(interval: RatioIntervalResult, lowerIsBetter: boolean, options: SummariseOptions): RatioVerdict | null {
  if (interval.coverage === null) return null;
  const judged = judgeRatio(interval, { margin: options.margin, precision: options.precision });
  const turned = { slower: 'faster', faster: 'slower', same: 'same', undecided: 'undecided' } as const;
  const samples = typeof interval.samples === 'number' ? interval.samples : Math.max(...interval.samples);
  const forecast = judged.settled ? null : forecastSamples(interval, { margin: options.margin, precision: options.precision });
  return {
    word: lowerIsBetter ? judged.verdict : turned[judged.verdict],
    margin: options.margin,
    samples,
    forecast: forecast && forecast.kind !== 'settled' ? { kind: forecast.kind, samples: forecast.samples } : null,
  };
}

function ratioToReference(cell: Cell, reference: Cell | undefined, options: SummariseOptions): Ratio | null {
  if (!cell.summary || !reference?.summary) return null;
  if (cell === reference) return { to: REFERENCE_STRATEGY, value: 1, interval: null, intervalNote: null };
  // Figures taken differently (e.g. events written in the sandbox, not on the host) are not compared.
  if (cell.method !== reference.method) return null;
  if (reference.summary.median === 0) return null;
  // Under planned looks the interval is taken at the level of the look reached (past the last, or short of a look
  // when interrupted, at the last look's: its share of the error is the largest left), and claims the overall level.
  const plan = options.looks;
  const look = plan && (lookAt(plan, cell.summary.n) ?? plan.looks[plan.looks.length - 1]);
  const interval = ratioIntervalOf(cell, reference, options.order, look?.confidence ?? 0.95);
  const verdict = verdictOf(interval, cell.metric.lowerIsBetter, options);
  return {
    to: REFERENCE_STRATEGY,
    value: interval.estimate ?? cell.summary.median / reference.summary.median,
    interval: interval.coverage === null ? null : { low: interval.low, high: interval.high, coverage: plan ? plan.overall : interval.coverage },
    intervalNote: interval.coverage === null ? interval.reason : null,
    method: interval.method,
    ...(plan && look && interval.coverage !== null ? { sequential: { confidence: look.confidence, overall: plan.overall } } : {}),
    ...(verdict ? { verdict } : {}),
  };
}

export function summariseCells(cells: readonly Cell[], options: SummariseOptions = DEFAULT_SUMMARISE): Cell[] {
  const summarised = cells.map((cell) => {
    const values = measuredValues(cell);
    return { ...cell, summary: values.length > 0 ? summarise(values) : null };
  });
  return summarised.map((cell) => {
    const reference = summarised.find(
      (c) => c.platform === cell.platform && c.workload === cell.workload && c.measure === cell.measure && c.strategy === REFERENCE_STRATEGY,
    );
    return { ...cell, ratioToNative: ratioToReference(cell, reference, options) };
  });
}
