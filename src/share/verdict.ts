// A shared cell's verdicts. `verdict`: what the run's ratio interval says against 1, derived here for every run.
// `runVerdict`: the verdict the run itself reached against its margin (slower, faster, the same, undecided), carried
// through when its document has one (run documents from issue 21 on) and left out otherwise — never made up.
// Read by shape, not by type: the run document's schema gains the field in its own time, and older ones lack it.
import type { Cell } from '../model/run-document.js';
import { REFERENCE_STRATEGY } from '../model/strategies.js';
import type { RunVerdict, Verdict } from './schema.js';

/** Against native, only as far as the interval of the ratio allows; whichever way the metric points. */
export function verdictOf(cell: Pick<Cell, 'strategy' | 'metric' | 'ratioToNative'>): Verdict | null {
  const interval = cell.ratioToNative?.interval;
  if (!interval || cell.strategy === REFERENCE_STRATEGY) return null;
  const above = interval.low > 1;
  const below = interval.high < 1;
  if (!above && !below) return 'no detectable difference';
  return above === cell.metric.lowerIsBetter ? 'slower' : 'faster';
}

const WORDS = new Set<RunVerdict['verdict']>(['slower', 'faster', 'same', 'undecided']);
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `"slower"`, or `{ verdict | kind: "slower", margin?: 0.1, text?: "slower, 2.1x (1.9–2.4)" }`. */
function runVerdictFrom(value: unknown): RunVerdict | undefined {
  if (typeof value === 'string') return WORDS.has(value as RunVerdict['verdict']) ? { verdict: value as RunVerdict['verdict'], margin: null, text: null } : undefined;
  if (!isRecord(value)) return undefined;
  const word = [value.verdict, value.kind].find((w): w is RunVerdict['verdict'] => typeof w === 'string' && WORDS.has(w as RunVerdict['verdict']));
  if (!word) return undefined;
  return { verdict: word, margin: typeof value.margin === 'number' ? value.margin : null, text: typeof value.text === 'string' ? value.text : null };
}

/** The run's own verdict of a cell, on the cell or on its ratio, if its document carries one. */
export function runVerdictOf(cell: Cell): RunVerdict | undefined {
  const ratio: unknown = cell.ratioToNative;
  return runVerdictFrom((cell as unknown as Record<string, unknown>).verdict) ?? (isRecord(ratio) ? runVerdictFrom(ratio.verdict) : undefined);
}
