// `git`: `git status` and a checkout between two commits on a repository of thousands of files, made here on the
// host: commit a holds the tree, commit b changes a tenth of the files, adds and removes some.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedWorkload, writeTree, type SizeOptions } from './generated.js';
import { wallTime, type Workload } from './workload.js';

// The sandbox's files belong to whoever copied them; git must not refuse them as "dubious ownership".
const GIT = "git -c safe.directory='*'";
const NEEDS_GIT = `command -v git >/dev/null || { echo "git is not installed where this runs; use an image with git (for example node:24, not node:24-slim)"; exit 127; }`;

function makeRepository(dir: string, files: number, bytes: number): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=mountbench', '-c', 'user.email=mountbench@localhost', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const paths = writeTree(join(dir, 'src'), files, bytes);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'a: the tree');
  git('tag', 'a');
  paths.forEach((file, i) => {
    if (i % 10 === 1) writeFileSync(file, `changed in b ${i}\n`);
    if (i % 20 === 3) rmSync(file);
  });
  for (let i = 0; i < Math.ceil(files / 20); i++) writeFileSync(join(dir, 'src', `added-in-b-${i}.js`), `added ${i}\n`);
  git('add', '-A');
  git('commit', '-q', '-m', 'b: a tenth changed, some added and removed');
  git('tag', 'b');
  git('checkout', '-q', 'a');
}

export function gitWorkload(sizes: SizeOptions): Workload {
  const base = generatedWorkload(sizes, 'git');
  return {
    ...base,
    description: `git status and checkout between two commits of ${sizes.files.toLocaleString('en')} files`,
    // The repository alone: scripts would be untracked files for `git status`, and `git clean` would remove them.
    prepare: async () => {
      await rm(base.fixtureDir, { recursive: true, force: true });
      await mkdir(base.fixtureDir, { recursive: true });
      makeRepository(base.fixtureDir, sizes.files, sizes.fileBytes);
    },
    setup: () => NEEDS_GIT,
    steps: [
      { name: 'status', command: () => `${GIT} status --porcelain >/dev/null` },
      { name: 'checkout', command: () => `${GIT} checkout -q b` },
    ],
    measures: [wallTime('status', 'status'), wallTime('checkout', 'checkout')],
    reset: `${GIT} checkout -q -f a && ${GIT} clean -q -f -d`,
    hostRequirements: ['git'],
  };
}
