// The summarise step: from each cell's samples to its summary and its ratio to the `native` cell of its platform.
// Pure: the same cells and seed always give the same numbers, so `mountbench report` can re-derive them.
import type { Cell } from '../results/schema.js';
import { REFERENCE_STRATEGY } from '../strategies/catalog.js';
import { medianRatioInterval } from './bootstrap.js';
import { summarise, type IndexedValue } from './summary.js';

/** The samples that count: measured (not warm-up) and successful. */
export function measuredValues(cell: Cell): IndexedValue[] {
  return cell.samples.flatMap((s) => (!s.warmup && s.value !== null ? [{ index: s.index, value: s.value }] : []));
}

/** A stable 32-bit seed per cell (FNV-1a of its id), so cells do not share bootstrap draws. */
export function cellSeed(runSeed: number, cellId: string): number {
  let hash = 0x811c9dc5 ^ runSeed;
  for (const char of cellId) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

export function summariseCells(cells: readonly Cell[], runSeed: number): Cell[] {
  const summarised = cells.map((cell) => {
    const values = measuredValues(cell);
    return { ...cell, summary: values.length > 0 ? summarise(values, cellSeed(runSeed, cell.id)) : null };
  });
  return summarised.map((cell) => {
    const native = summarised.find(
      (c) => c.platform === cell.platform && c.workload === cell.workload && c.measure === cell.measure && c.strategy === REFERENCE_STRATEGY,
    );
    if (!cell.summary || !native?.summary || native.summary.median === 0) return { ...cell, ratioToNative: null };
    return {
      ...cell,
      ratioToNative: {
        to: REFERENCE_STRATEGY,
        value: cell.summary.median / native.summary.median,
        ci95: medianRatioInterval(
          measuredValues(cell).map((v) => v.value),
          measuredValues(native).map((v) => v.value),
          cellSeed(runSeed, `${cell.id}/native`),
        ),
      },
    };
  });
}
