// A ratio's verdict against native in words, the same in every report: "slower, 2.14x (1.96–2.34)", "no slower
// than native within ±10%", "undecided after 30 samples (0.80–1.60): the machine was too noisy". Runs recorded
// before verdicts have none: these say nothing for them, and the tables show the ratio alone as they did.
import { isSpeedMetric, type Cell, type RatioVerdict } from '../model/run-document.js';
import { REFERENCE_STRATEGY } from '../model/strategies.js';
import { marginPercent } from '../stats/ratio-verdict.js';

/** The verdict of a cell's ratio to native, when it has one. */
export function verdictOf(cell: Cell): RatioVerdict | null {
  return cell.strategy === REFERENCE_STRATEGY ? null : (cell.ratioToNative?.verdict ?? null);
}

/** Whether a view's cells carry verdicts (runs recorded before them do not). */
export const hasVerdicts = (cells: readonly Cell[]) => cells.some((c) => verdictOf(c) !== null);

const marginText = (verdict: RatioVerdict) => `±${marginPercent(verdict.margin)}`;

/** "slower"/"faster" for times, throughputs and latencies; "worse"/"better" for other figures (a share missed). */
function word(cell: Cell, verdict: RatioVerdict): string {
  const speed = isSpeedMetric(cell.metric.name);
  if (verdict.word === 'slower') return speed ? 'slower' : 'worse';
  if (verdict.word === 'faster') return speed ? 'faster' : 'better';
  return verdict.word;
}

/** What an undecided verdict would take: "about 64 samples would decide it", or that the noise was too much. */
function forecastClause(cell: Cell, verdict: RatioVerdict): string {
  const f = verdict.forecast;
  if (!f) return 'no forecast';
  if (f.kind === 'more-than') return `the machine was too noisy (more than ${f.samples} samples would be needed)`;
  // Under --runs auto an undecided verdict at the end means the last look was reached: the noise, not the plan.
  const noisy = cell.ratioToNative?.sequential ? 'the machine was too noisy; ' : '';
  return `${noisy}about ${f.samples} samples would decide it`;
}

/** The verdict in a few words for a table column: "slower", "same ±10%", "undecided (about 64 samples)". */
export function verdictShort(cell: Cell): string | null {
  const verdict = verdictOf(cell);
  if (!verdict) return null;
  if (verdict.word === 'same') return `same ${marginText(verdict)}`;
  if (verdict.word !== 'undecided') return word(cell, verdict);
  const f = verdict.forecast;
  return f ? `undecided (${f.kind === 'more-than' ? 'over' : 'about'} ${f.samples} samples)` : 'undecided';
}

/** The verdict beside the ratio column: "no slower than native within ±10%", "undecided after 7 samples: about 40 …". */
export function verdictWords(cell: Cell): string | null {
  const verdict = verdictOf(cell);
  if (!verdict) return null;
  if (verdict.word === 'same') return `no ${isSpeedMetric(cell.metric.name) ? 'slower' : 'worse'} than native within ${marginText(verdict)}`;
  if (verdict.word !== 'undecided') return word(cell, verdict);
  return `undecided after ${verdict.samples} samples: ${forecastClause(cell, verdict)}`;
}

const range = (low: number, high: number) => `(${low.toFixed(2)}–${high.toFixed(2)})`;

/** The verdict with its numbers, where a ratio stands alone (compare, the verdict paragraph): "slower, 2.14x (1.96–2.34)". */
export function verdictPhrase(cell: Cell): string | null {
  const verdict = verdictOf(cell);
  const ratio = cell.ratioToNative;
  if (!verdict || !ratio?.interval) return null;
  const interval = range(ratio.interval.low, ratio.interval.high);
  if (verdict.word === 'undecided') return `undecided after ${verdict.samples} samples ${interval}: ${forecastClause(cell, verdict)}`;
  if (verdict.word === 'same') return `${verdictWords(cell)} ${interval}`;
  return `${word(cell, verdict)}, ${ratio.value.toFixed(2)}x ${interval}`;
}
