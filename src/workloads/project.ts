// The user's own project: any command, timed under every strategy on a copy of the project directory.
// Like the fixtures, samples run offline unless --online: a project locked by npm gets its packages primed into a
// cache once, untimed, and its command runs with npm pointed at that cache.
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { LINK_OUT_OF_PROJECT, scanTree } from '../util/project-tree.js';
import { shellQuote } from '../util/shell.js';
import { primeFromLockfile } from './npm-install.js';
import { emptyDirectories, wallTime, type Workload, type WorkloadOptions } from './workload.js';

export interface ProjectOptions {
  dir: string;
  command: string;
  /** Directories the command fills (hybrid puts a named volume on each); not copied, emptied before each sample. */
  deps: string[];
  /** Untimed reset before each sample; default: empty the dependency directories. */
  reset: string | null;
}

/** The workload's name in run documents: the user's own command, in place of the catalog's. */
export const PROJECT_WORKLOAD = 'project';

/** A project that cannot be benchmarked as given: a usage error. */
export class ProjectError extends UsageError {}

// Only npm's lockfiles are primed: pnpm and yarn keep their own stores, which `npm ci` cannot fill; such projects
// need --online (the failure message of an offline sample says so).
const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

/** `online`: samples may reach the registry; otherwise npm runs offline from the primed cache. */
export function projectWorkload(options: ProjectOptions, { online }: Pick<WorkloadOptions, 'online'>): Workload {
  const dir = resolve(options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ProjectError(`--project ${options.dir}: not a directory`);
  const bad = options.deps.find((d) => d.includes('/') || d === '.' || d === '..' || d === '');
  if (bad !== undefined) throw new ProjectError(`--deps: "${bad}" must be a directory name at the top of the project`);
  const primes = NPM_LOCKFILES.some((file) => existsSync(join(dir, file)));
  const { outward } = scanTree(dir, options.deps);
  // In the command's own shell, so that every npm it starts, however deep, reads the cache and stays offline:
  // offline, npm fails at once on a missing package instead of retrying a registry it cannot reach.
  const npmSettings = (cacheDir: string) =>
    `export npm_config_cache=${shellQuote(cacheDir)}${online ? '' : ' npm_config_offline=true'}; `;
  return {
    name: PROJECT_WORKLOAD,
    description: `\`${options.command}\` in a copy of ${basename(dir)}`,
    fixtureDir: dir,
    dependencyDirs: options.deps,
    copyExclude: options.deps,
    setup: null,
    steps: [{ name: 'command', command: (cacheDir) => npmSettings(cacheDir) + options.command }],
    measures: [wallTime('command')],
    reset: options.reset ?? emptyDirectories(options.deps),
    prime: primes ? primeFromLockfile : null,
    hostRequirements: primes ? ['node', 'npm'] : [],
    offline: !online,
    notes: outward.map((link) => `the project's link ${link} leads out of the project: its copies hold a dangling link (-> ${LINK_OUT_OF_PROJECT}) instead, so no command reaches the original through it`),
  };
}
