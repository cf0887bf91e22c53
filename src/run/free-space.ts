// A run whose generated files cannot fit on the host's disk is refused before any sample, instead of failing each
// sample with ENOSPC an hour later (or filling the user's disk first). The check is a lower bound, so it never
// refuses a run that fits: the largest one tree the run writes on the host, against the free space of the file
// system that holds the run directory (where the work copies live).
import { existsSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { strategyInfo, type ImplementedStrategy } from '../model/strategies.js';
import type { WorkloadName } from '../workloads/catalog.js';
import type { SizeOptions } from '../workloads/generated.js';

/** Workloads whose tree is written on the host whatever the strategy (as their starting files). */
const PREPARED_ON_HOST: readonly string[] = ['traverse', 'git'];

/** A workload's generated tree: its bytes, and the words naming it and its flags, the verb that agrees with them,
 * and how to ask for less. */
export interface GeneratedTree {
  bytes: number;
  what: string;
  verb: 'need' | 'needs';
  fix: string;
}

export function generatedTree(name: WorkloadName, sizes: Omit<SizeOptions, 'workDir'>): GeneratedTree {
  if (name === 'bigfile') return { bytes: sizes.bigfileMb * 1024 ** 2, what: `the bigfile workload's ${sizes.bigfileMb.toLocaleString('en')} MiB file (--bigfile-size)`, verb: 'needs', fix: 'choose a smaller file' };
  const what = `the ${name} workload's ${sizes.files.toLocaleString('en')} files of ${sizes.fileBytes.toLocaleString('en')} bytes (--files, --file-size)`;
  return { bytes: sizes.files * sizes.fileBytes, what, verb: 'need', fix: 'choose fewer or smaller files' };
}

/** The bytes of the largest tree one workload writes on the host, and which workload and flags make it. */
export function largestHostTree(workloads: readonly WorkloadName[], strategies: readonly ImplementedStrategy[], sizes: Omit<SizeOptions, 'workDir'>): GeneratedTree | null {
  // Strategies whose samples write through to the host: the project is there (native, bind, hybrid, sync).
  const writesOnHost = strategies.some((s) => strategyInfo(s).onHost || strategyInfo(s).throughFileSharing || s === 'sync');
  const trees = workloads.flatMap((name) => {
    const tree = generatedTree(name, sizes);
    if (PREPARED_ON_HOST.includes(name)) return [tree];
    if ((name === 'files' || name === 'bigfile') && writesOnHost) return [tree];
    return [];
  });
  return trees.reduce<GeneratedTree | null>((largest, tree) => (largest && largest.bytes >= tree.bytes ? largest : tree), null);
}

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(bytes < 1024 ** 3 ? 2 : 0)} GiB`;
}

/** Throws a usage error when the largest tree cannot fit on the file system of `runDir` (or of its nearest parent
 * that exists). */
export function checkFreeSpace(runDir: string, tree: GeneratedTree | null): void {
  if (!tree) return;
  let dir = runDir;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  if (tree.bytes > free) {
    throw new UsageError(`${tree.what} ${tree.verb} at least ${gib(tree.bytes)} on the host, and ${dir} has ${gib(free)} free; ${tree.fix}, or an --output on a larger disk`);
  }
}
