// The plan step: the matrix of cells (platform × strategy × workload) a run will measure, in measuring order.
import type { StrategyName } from '../results/schema.js';

export const IMPLEMENTED_STRATEGIES: readonly StrategyName[] = ['native', 'container', 'hybrid', 'bind', 'volume'];
export const DEFAULT_STRATEGIES: readonly StrategyName[] = IMPLEMENTED_STRATEGIES;

export interface PlannedCell {
  id: string;
  platform: string;
  strategy: StrategyName;
  workload: string;
}

export function cellId(platform: string, strategy: string, workload: string): string {
  return `${platform}/${workload}/${strategy}`;
}

export function planCells(platforms: readonly string[], strategies: readonly StrategyName[], workload: string): PlannedCell[] {
  return platforms.flatMap((platform) =>
    strategies.map((strategy) => ({ id: cellId(platform, strategy, workload), platform, strategy, workload })),
  );
}
