// How long the timed steps of a run took, together. A step's wall time is recorded in every cell whose measure reads
// it (files: create, stat, read and delete all read one step), so each step of each sample is counted once.
import type { Cell } from '../model/run-document.js';
import type { Workload } from '../workloads/workload.js';

export function timedSeconds(cells: readonly Cell[], workloads: readonly Workload[]): number {
  const counted = new Set<string>();
  let total = 0;
  for (const cell of cells) {
    const step = workloads.find((w) => w.name === cell.workload)?.measures.find((m) => m.key === cell.measure)?.step ?? cell.measure;
    for (const sample of cell.samples) {
      const key = [cell.platform, cell.workload, cell.strategy, step, sample.index].join('\u0000');
      if (counted.has(key)) continue;
      counted.add(key);
      total += sample.wallSeconds ?? 0;
    }
  }
  return total;
}
