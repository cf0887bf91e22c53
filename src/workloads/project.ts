// The user's own project: any command, timed under every strategy on a copy of the project directory.
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { emptyDirectories, wallTime, type Workload } from './workload.js';

export interface ProjectOptions {
  dir: string;
  command: string;
  /** Directories the command fills (hybrid puts a named volume on each); not copied, emptied before each sample. */
  deps: string[];
  /** Untimed reset before each sample; default: empty the dependency directories. */
  reset: string | null;
}

/** A project that cannot be benchmarked as given: a usage error. */
export class ProjectError extends UsageError {}

export function projectWorkload(options: ProjectOptions): Workload {
  const dir = resolve(options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ProjectError(`--project ${options.dir}: not a directory`);
  const bad = options.deps.find((d) => d.includes('/') || d === '.' || d === '..' || d === '');
  if (bad !== undefined) throw new ProjectError(`--deps: "${bad}" must be a directory name at the top of the project`);
  return {
    name: 'project',
    description: `\`${options.command}\` in a copy of ${basename(dir)}`,
    fixtureDir: dir,
    dependencyDirs: options.deps,
    copyExclude: options.deps,
    setup: null,
    steps: [{ name: 'command', command: () => options.command }],
    measures: [wallTime('command')],
    reset: options.reset ?? emptyDirectories(options.deps),
    prime: null,
    hostRequirements: [],
  };
}
