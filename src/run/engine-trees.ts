// The trees a run writes inside each engine, for the check of its disk (bench/engine-space.ts). A lower bound, so
// that it never skips a platform that can hold the run: only generated trees of known size count (not npm's
// packages, nor a project's files), and only where they certainly land on the engine's disk.
import type { EngineTree } from '../bench/engine-space.js';
import type { ImplementedStrategy } from '../model/strategies.js';
import type { WorkloadName } from '../workloads/catalog.js';
import type { SizeOptions } from '../workloads/generated.js';
import { generatedTree } from './free-space.js';

/** Where each strategy keeps the project inside the engine (bind and native keep it on the host; hybrid only its
 * dependency directories, in volumes). */
const PROJECT_PLACE: Partial<Record<ImplementedStrategy, EngineTree['place']>> = { container: 'layers', volume: 'volumes', sync: 'volumes' };

/** Workloads whose whole tree is in the project, made by the samples (files, bigfile) or copied in (traverse, git). */
const TREE_WORKLOADS: readonly WorkloadName[] = ['files', 'bigfile', 'traverse', 'git'];

export function engineTrees(workloads: readonly WorkloadName[], strategies: readonly ImplementedStrategy[], sizes: Omit<SizeOptions, 'workDir'>): EngineTree[] {
  return workloads.flatMap((name) =>
    TREE_WORKLOADS.includes(name)
      ? strategies.flatMap((strategy) => {
          // files writes a node_modules-shaped tree, which hybrid puts in a volume as it would node_modules.
          const place = name === 'files' && strategy === 'hybrid' ? 'volumes' : PROJECT_PLACE[strategy];
          return place ? [{ ...generatedTree(name, sizes), place, strategy }] : [];
        })
      : [],
  );
}
