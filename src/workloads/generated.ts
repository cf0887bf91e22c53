// Starting files that a workload makes itself, once per run on the host: the workload scripts (as .mountbench/)
// and whatever tree it needs. They live in the run's work directory and go with it.
import { cp, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SCRIPTS_DIR, SCRIPTS_IN_PROJECT, type Workload } from './workload.js';

export interface SizeOptions {
  /** Where generated starting files go (the run's work directory). */
  workDir: string;
  files: number;
  fileBytes: number;
  bigfileMb: number;
  events: number;
}

export const DEFAULT_SIZES = { files: 5000, fileBytes: 1024, bigfileMb: 256, events: 20 } as const;

export function generatedDir(workDir: string, workload: string): string {
  return join(workDir, 'fixtures', workload);
}

/** A fresh fixture directory holding the workload scripts. */
export async function freshFixture(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(SCRIPTS_DIR, join(dir, SCRIPTS_IN_PROJECT), { recursive: true });
}

const tree = createRequire(import.meta.url)(join(SCRIPTS_DIR, 'tree.cjs')) as {
  writeTree(root: string, files: number, bytes: number): string[];
};

/** The node_modules-shaped tree the sandboxes' files.js writes too, written here on the host. */
export function writeTree(root: string, files: number, bytes: number): string[] {
  return tree.writeTree(root, files, bytes);
}

/** `node .mountbench/<script> args…`, as run in the project directory. */
export function script(name: string, ...args: Array<string | number>): string {
  return ['node', `${SCRIPTS_IN_PROJECT}/${name}`, ...args.map(String)].join(' ');
}

/** What every workload made of generated files shares: its scripts as starting files, nothing to prime or install,
 * nothing needed on the host, the project all source (hybrid then equals bind). Each workload adds its steps. */
export function generatedWorkload(sizes: SizeOptions, name: string): Omit<Workload, 'description' | 'steps' | 'measures' | 'reset'> {
  const fixtureDir = generatedDir(sizes.workDir, name);
  return {
    name,
    fixtureDir,
    prepare: () => freshFixture(fixtureDir),
    copyExclude: [],
    dependencyDirs: [],
    setup: null,
    prime: null,
    hostRequirements: [],
  };
}
