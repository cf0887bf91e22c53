// When to stop sampling a platform's workload. A fixed count, or `--runs auto`: after each round (every sandbox one
// more sample), stop once every cell's ratio to native is known to within the target precision — the half-width of
// its interval relative to the ratio — or a cap (samples, time) is reached. Cells without a reference use the
// interval of their own median instead.
import type { Cell, Stopping } from '../model/run-document.js';
import { REFERENCE_STRATEGY } from '../model/strategies.js';
import { median } from '../stats/descriptive.js';
import { medianInterval, minSamplesForRatio, ratioInterval, type IntervalResult } from '../stats/order-statistics.js';

export type Sampling =
  | { kind: 'fixed'; runs: number }
  | { kind: 'auto'; precision: number; minRuns: number; maxRuns: number; maxSeconds: number | null };

/** The fewest samples with which every interval exists, ratios to native included (7 at 95%): the default count,
 * and where `--runs auto` starts asking whether it knows enough. */
export const DEFAULT_RUNS = minSamplesForRatio();
export const DEFAULT_PRECISION = 0.05;
export const DEFAULT_MAX_RUNS = 30;

/** Most samples a cell may take under this rule (for progress and ETA). */
export function maxRuns(sampling: Sampling): number {
  return sampling.kind === 'fixed' ? sampling.runs : sampling.maxRuns;
}

function values(cell: Cell): number[] {
  return cell.samples.flatMap((s) => (!s.warmup && s.value !== null ? [s.value] : []));
}

/** Half-width over the estimate; 0 when both are 0 (a figure that never moves), infinite without an interval. */
function relativeHalfWidth(interval: IntervalResult, estimate: number): number {
  if (interval.coverage === null) return Infinity;
  const half = (interval.high - interval.low) / 2;
  if (half === 0) return 0;
  return estimate === 0 ? Infinity : half / Math.abs(estimate);
}

/** How precisely a cell is known: its ratio to the reference when it has one, else its median. */
export function cellPrecision(cell: Cell, reference: Cell | undefined): number {
  const own = values(cell);
  const ref = reference && reference !== cell ? values(reference) : [];
  if (ref.length > 0 && median(ref) !== 0 && cell.method === reference!.method) {
    return relativeHalfWidth(ratioInterval(own, ref), median(own) / median(ref));
  }
  return relativeHalfWidth(medianInterval(own), median(own));
}

/** The widest relative half-width among the cells still being measured (failed cells and cells whose figure is
 * missing by design, such as a latency with no event seen, do not hold the others back); null if none count. */
export function worstPrecision(cells: readonly Cell[]): number | null {
  const counted = cells.filter((c) => c.status === 'ok' && values(c).length > 0);
  if (counted.length === 0) return null;
  const referenceOf = (c: Cell) => cells.find((r) => r.strategy === REFERENCE_STRATEGY && r.measure === c.measure && r.status === 'ok');
  return Math.max(...counted.map((c) => cellPrecision(c, referenceOf(c))));
}

/** After a round: the rule that stops sampling now, or null to take another round. */
export function stopAfterRound(
  sampling: Sampling,
  measured: number,
  cells: readonly Cell[],
  elapsedSeconds: number,
): Pick<Stopping, 'rule' | 'worstHalfWidth'> | null {
  const worst = worstPrecision(cells);
  if (worst === null) return { rule: 'no-samples', worstHalfWidth: null };
  if (sampling.kind === 'fixed') return measured >= sampling.runs ? { rule: 'runs', worstHalfWidth: finite(worst) } : null;
  if (measured >= sampling.minRuns && worst <= sampling.precision) return { rule: 'precision', worstHalfWidth: worst };
  if (measured >= sampling.maxRuns) return { rule: 'max-runs', worstHalfWidth: finite(worst) };
  if (sampling.maxSeconds !== null && elapsedSeconds >= sampling.maxSeconds) return { rule: 'max-time', worstHalfWidth: finite(worst) };
  return null;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
