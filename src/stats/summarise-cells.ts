// The summarise step: from each cell's samples to its summary and its ratio to the reference (native) cell of its
// platform, workload and measure. Pure: the same cells always give the same numbers, so `mountbench report` can
// derive them again (documents of an older schema are summarised anew this way).
import type { Cell, Ratio } from '../model/run-document.js';
import { REFERENCE_STRATEGY } from '../model/strategies.js';
import { ratioInterval } from './order-statistics.js';
import { summarise, type IndexedValue } from './summary.js';

/** The samples that count: measured (not warm-up) and successful. */
export function measuredValues(cell: Cell): IndexedValue[] {
  return cell.samples.flatMap((s) => (!s.warmup && s.value !== null ? [{ index: s.index, value: s.value, ...(s.cost ? { cost: s.cost } : {}) }] : []));
}

function ratioToReference(cell: Cell, reference: Cell | undefined): Ratio | null {
  if (!cell.summary || !reference?.summary) return null;
  if (cell === reference) return { to: REFERENCE_STRATEGY, value: 1, interval: null, intervalNote: null };
  // Figures taken differently (e.g. events written in the sandbox, not on the host) are not compared.
  if (cell.method !== reference.method) return null;
  if (reference.summary.median === 0) return null;
  const interval = ratioInterval(measuredValues(cell).map((v) => v.value), measuredValues(reference).map((v) => v.value));
  return {
    to: REFERENCE_STRATEGY,
    value: cell.summary.median / reference.summary.median,
    interval: interval.coverage === null ? null : { low: interval.low, high: interval.high, coverage: interval.coverage },
    intervalNote: interval.coverage === null ? interval.reason : null,
  };
}

export function summariseCells(cells: readonly Cell[]): Cell[] {
  const summarised = cells.map((cell) => {
    const values = measuredValues(cell);
    return { ...cell, summary: values.length > 0 ? summarise(values) : null };
  });
  return summarised.map((cell) => {
    const reference = summarised.find(
      (c) => c.platform === cell.platform && c.workload === cell.workload && c.measure === cell.measure && c.strategy === REFERENCE_STRATEGY,
    );
    return { ...cell, ratioToNative: ratioToReference(cell, reference) };
  });
}
