// When to stop sampling a platform's workload. A fixed count, or `--runs auto`: at each planned look (10, 20, 30
// samples by default, each at its share of the error: see stats/looks.ts) judge every cell's ratio to native, and
// stop at the first look where each has its verdict (and is within --precision, when asked), or at the last look,
// or at --max-time. Between looks nothing is judged: looking every round would let chance pick the look.
// Cells without a reference have no verdict; under --precision they wait for the interval of their own median.
import type { Cell, Stopping } from '../model/run-document.js';
import { REFERENCE_STRATEGY } from '../model/strategies.js';
import { median } from '../stats/descriptive.js';
import { lookAt, type Look, type LookPlan } from '../stats/looks.js';
import { medianInterval } from '../stats/order-statistics.js';
import { forecastSamples, forecastText, judgeRatio, relativeHalfWidth } from '../stats/ratio-verdict.js';
import { ratioIntervalOf } from '../stats/summarise-cells.js';

export type Sampling =
  | { kind: 'fixed'; runs: number }
  | { kind: 'auto'; looks: LookPlan; margin: number; precision: number | null; maxSeconds: number | null };

/** The default fixed count: 7 rounds give the paired interval 95.3% and every other interval (the median's needs 6). */
export const DEFAULT_RUNS = 7;
/** What --precision means when given without a value the user chose (commander's default). */
export const DEFAULT_PRECISION = 0.05;
export const DEFAULT_MAX_RUNS = 30;

/** Most samples a cell may take under this rule (for progress and ETA). */
export function maxRuns(sampling: Sampling): number {
  return sampling.kind === 'fixed' ? sampling.runs : sampling.looks.looks[sampling.looks.looks.length - 1].samples;
}

function values(cell: Cell): number[] {
  return cell.samples.flatMap((s) => (!s.warmup && s.value !== null ? [s.value] : []));
}

/** One cell at a look: whether it may stop, its half-width, and what to say of it while it may not. */
export interface CellAtLook {
  cell: Cell;
  settled: boolean;
  halfWidth: number;
  /** "bind: undecided, 0.92–1.31x; about 48 samples would decide it"; null when settled. */
  note: string | null;
}

const rangeText = (low: number, high: number) => `${low.toFixed(2)}–${high.toFixed(2)}x`;

/** Judge a cell at a look: its ratio to the reference at the look's confidence, or its median without one. */
export function judgeAtLook(cell: Cell, reference: Cell | undefined, look: Look, sampling: Extract<Sampling, { kind: 'auto' }>): CellAtLook {
  const options = { margin: sampling.margin, precision: sampling.precision };
  const ref = reference && reference !== cell && cell.method === reference.method && values(reference).length > 0 ? reference : null;
  if (!ref) {
    if (cell === reference || sampling.precision === null) return { cell, settled: true, halfWidth: 0, note: null };
    const own = values(cell);
    const interval = medianInterval(own, look.confidence);
    const halfWidth = interval.coverage === null ? Infinity : relativeHalfWidth({ estimate: median(own), low: interval.low, high: interval.high });
    const settled = halfWidth <= sampling.precision;
    return { cell, settled, halfWidth, note: settled ? null : `${cell.strategy}: its median is not yet within ±${+(sampling.precision * 100).toFixed(2)}%` };
  }
  const interval = ratioIntervalOf(cell, ref, 'interleaved', look.confidence);
  if (interval.coverage === null) return { cell, settled: false, halfWidth: Infinity, note: `${cell.strategy}: no interval yet (${interval.reason})` };
  const judged = judgeRatio(interval, options);
  if (judged.settled) return { cell, settled: true, halfWidth: judged.relativeHalfWidth, note: null };
  const what = judged.verdict === 'undecided' ? 'undecided' : `${judged.verdict} but not yet within ±${+(sampling.precision! * 100).toFixed(2)}%`;
  const forecast = forecastText(forecastSamples(interval, options));
  return { cell, settled: false, halfWidth: judged.relativeHalfWidth, note: `${cell.strategy}: ${what}, ${rangeText(interval.low, interval.high)}; its verdict would take ${forecast}` };
}

/** Every cell still measured at a planned look (failed cells and cells with no figure do not hold the others back). */
export function cellsAtLook(sampling: Extract<Sampling, { kind: 'auto' }>, look: Look, cells: readonly Cell[]): CellAtLook[] {
  const counted = cells.filter((c) => c.status === 'ok' && values(c).length > 0);
  const referenceOf = (c: Cell) => cells.find((r) => r.strategy === REFERENCE_STRATEGY && r.measure === c.measure && r.status === 'ok');
  return counted.map((c) => judgeAtLook(c, referenceOf(c), look, sampling));
}

/** At a planned look, a line per cell that is not settled: what the run shows while it goes on. */
export function lookLines(sampling: Sampling, measured: number, cells: readonly Cell[]): string[] {
  const look = sampling.kind === 'auto' ? lookAt(sampling.looks, measured) : null;
  if (sampling.kind !== 'auto' || !look) return [];
  const open = cellsAtLook(sampling, look, cells).filter((c) => !c.settled);
  const at = `look at ${measured} samples (${+(look.confidence * 100).toFixed(2)}%)`;
  if (open.length === 0) return [`${at}: every cell has its verdict`];
  return open.map((c) => `${at}: ${c.cell.workload}${c.cell.measure === 'time' ? '' : ` ${c.cell.measure}`} ${c.note}`);
}

/** After a round: the rule that stops sampling now, or null to take another round. */
export function stopAfterRound(
  sampling: Sampling,
  measured: number,
  cells: readonly Cell[],
  elapsedSeconds: number,
): Pick<Stopping, 'rule' | 'worstHalfWidth'> | null {
  if (!cells.some((c) => c.status === 'ok' && values(c).length > 0)) return { rule: 'no-samples', worstHalfWidth: null };
  if (sampling.kind === 'fixed') return measured >= sampling.runs ? { rule: 'runs', worstHalfWidth: null } : null;
  const look = lookAt(sampling.looks, measured);
  const last = measured >= maxRuns(sampling);
  const timeUp = sampling.maxSeconds !== null && elapsedSeconds >= sampling.maxSeconds;
  if (!look && !last && !timeUp) return null;
  const judged = cellsAtLook(sampling, look ?? sampling.looks.looks[sampling.looks.looks.length - 1], cells);
  const worst = judged.length ? finite(Math.max(...judged.map((c) => c.halfWidth))) : null;
  if (look && judged.every((c) => c.settled)) return { rule: sampling.precision === null ? 'verdict' : 'precision', worstHalfWidth: worst };
  if (last) return { rule: 'max-runs', worstHalfWidth: worst };
  if (timeUp) return { rule: 'max-time', worstHalfWidth: worst };
  return null;
}

/** The most seconds a wait for a quiet machine (--quiet-wait) may take before a round, so that sampling still ends
 * by --max-time: the time left less what the rounds still owed will take (each as long as the longest so far), or,
 * before the first round, when that is not known, half the time left. Null without --max-time. */
export function waitBudget(sampling: Sampling, elapsedSeconds: number, roundsOwed: number, longestRoundSeconds: number | null): number | null {
  if (sampling.kind !== 'auto' || sampling.maxSeconds === null) return null;
  const left = sampling.maxSeconds - elapsedSeconds;
  return Math.max(0, longestRoundSeconds === null ? left / 2 : left - roundsOwed * longestRoundSeconds);
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
