// The plan step: the matrix of cells (platform × workload × strategy × measure) a run will measure, in measuring order.
import type { StrategyName } from '../results/schema.js';
import type { Workload } from '../workloads/workload.js';

export const IMPLEMENTED_STRATEGIES: readonly StrategyName[] = ['native', 'container', 'hybrid', 'bind', 'volume'];
export const DEFAULT_STRATEGIES: readonly StrategyName[] = IMPLEMENTED_STRATEGIES;

export interface PlannedCell {
  id: string;
  platform: string;
  strategy: StrategyName;
  workload: string;
  measure: string;
}

export function cellId(platform: string, strategy: string, workload: string, measure = 'time'): string {
  return `${platform}/${workload}${measure === 'time' ? '' : `:${measure}`}/${strategy}`;
}

export function planCells(platforms: readonly string[], strategies: readonly StrategyName[], workloads: readonly Workload[]): PlannedCell[] {
  return platforms.flatMap((platform) =>
    workloads.flatMap((workload) =>
      strategies.flatMap((strategy) =>
        workload.measures.map((m) => ({
          id: cellId(platform, strategy, workload.name, m.key),
          platform,
          strategy,
          workload: workload.name,
          measure: m.key,
        })),
      ),
    ),
  );
}
