// Did a cell change since a baseline run of the same platform (the check a team runs after a platform update)?
// Two runs' samples are never paired (different rounds, perhaps different days), so the change is the unpaired
// Hodges–Lehmann ratio now/then with its exact Mann–Whitney interval on log times (assumption: now's times are
// then's scaled by a constant), judged against the margin as a ratio to native is: wholly beyond 1 ± margin, it got
// better or worse; wholly within, it is the same; otherwise undecided.
import { isSpeedMetric, type Cell, type Interval } from '../model/run-document.js';
import { unpairedRatioInterval } from './rank-sum.js';
import { classifyRatio, DEFAULT_MARGIN, marginPercent } from './ratio-verdict.js';
import { measuredValues } from './summarise-cells.js';

export type ChangeVerdict = 'better' | 'worse' | 'the same' | 'undecided' | 'too few samples';

export interface Change {
  /** Now over then: the Hodges–Lehmann estimate, or the medians' ratio where there is none. */
  ratio: number;
  interval: Interval | null;
  verdict: ChangeVerdict;
  /** Changes within 1 ± margin are "the same". */
  margin: number;
  /** Why there is no interval (too few samples), when there is none. */
  note: string | null;
}

export function changeOf(baseline: Cell, now: Cell, margin = DEFAULT_MARGIN): Change | null {
  if (!baseline.summary || !now.summary || baseline.summary.median === 0) return null;
  const found = unpairedRatioInterval(measuredValues(now).map((v) => v.value), measuredValues(baseline).map((v) => v.value));
  const ratio = found.estimate ?? now.summary.median / baseline.summary.median;
  if (found.low === null) return { ratio, interval: null, verdict: 'too few samples', margin, note: found.reason };
  const interval = { low: found.low, high: found.high, coverage: found.coverage };
  const word = classifyRatio(interval, margin);
  const verdict: ChangeVerdict =
    word === 'same' ? 'the same' : word === 'undecided' ? 'undecided' : (word === 'slower') === now.metric.lowerIsBetter ? 'worse' : 'better';
  return { ratio, interval, verdict, margin, note: null };
}

/** "faster"/"slower" for times, throughputs and latencies, "better"/"worse" for anything else (a share missed);
 * "the same within ±10%". */
export function verdictWord(change: Pick<Change, 'verdict' | 'margin'>, metricName: string): string {
  const speed = isSpeedMetric(metricName);
  if (change.verdict === 'better') return speed ? 'faster' : 'better';
  if (change.verdict === 'worse') return speed ? 'slower' : 'worse';
  if (change.verdict === 'the same') return `the same within ±${marginPercent(change.margin)}`;
  return change.verdict;
}
