// Did a cell change since a baseline run of the same platform (the check a team runs after a platform update)?
// The ratio of the two medians with the same distribution-free interval as ratios to native: when the interval
// excludes 1 the cell is faster or slower by that ratio, otherwise there is no detectable change.
import type { Cell, Interval } from '../model/run-document.js';
import { ratioInterval } from './order-statistics.js';
import { measuredValues } from './summarise-cells.js';

export type ChangeVerdict = 'better' | 'worse' | 'no detectable change' | 'too few samples';

export interface Change {
  /** Median now over median in the baseline. */
  ratio: number;
  interval: Interval | null;
  verdict: ChangeVerdict;
  /** Why there is no interval (too few samples), when there is none. */
  note: string | null;
}

export function changeOf(baseline: Cell, now: Cell): Change | null {
  if (!baseline.summary || !now.summary || baseline.summary.median === 0) return null;
  const ratio = now.summary.median / baseline.summary.median;
  const found = ratioInterval(measuredValues(now).map((v) => v.value), measuredValues(baseline).map((v) => v.value));
  if (found.coverage === null) return { ratio, interval: null, verdict: 'too few samples', note: found.reason };
  const interval = { low: found.low, high: found.high, coverage: found.coverage };
  const up = interval.low > 1;
  const down = interval.high < 1;
  const verdict: ChangeVerdict = !up && !down ? 'no detectable change' : up === now.metric.lowerIsBetter ? 'worse' : 'better';
  return { ratio, interval, verdict, note: null };
}

/** "faster"/"slower" for times, throughputs and latencies; "better"/"worse" for anything else (a share missed). */
export function verdictWord(verdict: ChangeVerdict, metricName: string): string {
  const speed = ['time', 'throughput', 'latency'].includes(metricName);
  if (verdict === 'better') return speed ? 'faster' : 'better';
  if (verdict === 'worse') return speed ? 'slower' : 'worse';
  return verdict;
}
