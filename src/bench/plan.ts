// The plan step: what a run will measure, nested in the order it is measured — platform, then workload, then one
// sandbox per strategy holding a cell per measure. Samples within a workload go round by round across its sandboxes
// (interleaved, so drift on the machine spreads evenly over the strategies) or each sandbox to its end.
import type { ImplementedStrategy } from '../model/strategies.js';
import type { Workload } from '../workloads/workload.js';

export interface PlannedCell {
  id: string;
  platform: string;
  strategy: ImplementedStrategy;
  workload: string;
  measure: string;
}

/** One sandbox (platform × workload × strategy): its samples fill one cell per measure of the workload. */
export interface PlannedSandbox {
  strategy: ImplementedStrategy;
  cells: PlannedCell[];
}

export interface PlannedWorkload {
  workload: Workload;
  sandboxes: PlannedSandbox[];
}

export interface PlannedPlatform {
  name: string;
  workloads: PlannedWorkload[];
}

export type SampleOrder = 'interleaved' | 'sequential';

export function cellId(platform: string, strategy: string, workload: string, measure = 'time'): string {
  return `${platform}/${workload}${measure === 'time' ? '' : `:${measure}`}/${strategy}`;
}

export function planRun(platforms: readonly string[], strategies: readonly ImplementedStrategy[], workloads: readonly Workload[]): PlannedPlatform[] {
  return platforms.map((platform) => ({
    name: platform,
    workloads: workloads.map((workload) => ({
      workload,
      sandboxes: strategies.map((strategy) => ({
        strategy,
        cells: workload.measures.map((m) => ({ id: cellId(platform, strategy, workload.name, m.key), platform, strategy, workload: workload.name, measure: m.key })),
      })),
    })),
  }));
}

/** Every planned cell, in plan order. */
export function plannedCells(plan: readonly PlannedPlatform[]): PlannedCell[] {
  return plan.flatMap((p) => p.workloads.flatMap((w) => w.sandboxes.flatMap((s) => s.cells)));
}
