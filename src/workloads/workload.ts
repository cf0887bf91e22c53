// A workload: the timed command, the files it starts from, the untimed reset before each sample, the directories
// it fills (where `hybrid` puts named volumes), and how to warm its caches once per platform.
import type { Metric } from '../results/schema.js';
import { shellQuote } from '../util/shell.js';

export interface WorkloadOptions {
  fixture: string;
  online: boolean;
}

export interface Workload {
  name: string;
  description: string;
  metric: Metric;
  /** Host directory holding the files the workload starts from (copied, never modified). */
  fixtureDir: string;
  /** Top-level entries of fixtureDir not to copy (the dependency dirs the command rebuilds). */
  copyExclude: string[];
  /** Relative directories the command fills; `hybrid` mounts a named volume on each. */
  dependencyDirs: string[];
  /** Shell command, run in the project directory, that is timed. `cacheDir` is where the primed cache lives. */
  command(cacheDir: string): string;
  /** Shell command run untimed before every sample, to put the project back to its starting state. */
  reset: string;
  /** Shell command that fills `cacheDir` from the network (run once per platform, untimed); null: nothing to prime. */
  prime: ((cacheDir: string) => string) | null;
  /** Host programs the native strategy needs. */
  hostRequirements: string[];
}

/** Empty each directory (it may be a mount point under hybrid), then remove it where that is allowed. */
export function emptyDirectories(dirs: string[]): string {
  if (dirs.length === 0) return 'true';
  return dirs
    .map(shellQuote)
    .map((d) => `if [ -d ${d} ]; then find ${d} -mindepth 1 -maxdepth 1 -exec rm -rf {} +; rmdir ${d} 2>/dev/null; fi`)
    .concat('true')
    .join('; ');
}
