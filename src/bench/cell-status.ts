// A cell's status through a run: every cell starts 'ok' and empty; a platform that fails or is frozen, or a run
// that is interrupted, marks the cells it cut short, leaving the workloads whose sampling ended by a rule as they are.
import type { Cell, Stopping } from '../model/run-document.js';
import { measureOf, type Workload } from '../workloads/workload.js';
import type { PlannedCell } from './plan.js';

export function emptyCell(planned: PlannedCell, workload: Workload): Cell {
  const measure = measureOf(workload, planned.measure);
  return {
    ...planned,
    measure: measure.key,
    metric: measure.metric,
    status: 'ok',
    reason: null,
    mounts: [],
    runtime: null,
    notes: [],
    samples: [],
    summary: null,
    ratioToNative: null,
    method: null,
  };
}

export function setStatus(cells: Cell[], status: Cell['status'], reason: string): void {
  for (const c of cells) Object.assign(c, { status, reason });
}

/** The workloads of `platform` whose sampling ended (by any rule, or by one other than an interruption). */
function finishedWorkloads(stopping: readonly Stopping[], platform: string, interruptedCounts: boolean): Set<string> {
  return new Set(stopping.filter((s) => s.platform === platform && (interruptedCounts || s.rule !== 'interrupted')).map((s) => s.workload));
}

/** A platform that failed: its unfinished cells without samples are skipped with the reason; when its engine froze,
 * those with samples are interrupted (what they measured is kept). */
export function markPlatformFailure(cells: Cell[], stopping: readonly Stopping[], platform: string, reason: string, frozen: boolean): void {
  const finished = finishedWorkloads(stopping, platform, true);
  for (const c of cells) {
    if (c.status !== 'ok' || finished.has(c.workload)) continue;
    if (c.samples.length === 0) Object.assign(c, { status: 'skipped', reason });
    else if (frozen) Object.assign(c, { status: 'interrupted', reason });
  }
}

/** Ctrl-C: a cell is complete when its workload's sampling ended by a rule; anything else was cut short. */
export function markInterrupted(cells: Cell[], stopping: readonly Stopping[], platform: string): void {
  const finished = finishedWorkloads(stopping, platform, false);
  for (const c of cells) if (c.status === 'ok' && !finished.has(c.workload)) Object.assign(c, { status: 'interrupted', reason: 'run interrupted (Ctrl-C)' });
}
