// The seed benchmark: install a create-react-app project's dependencies from its lock file.
// Timed samples run `npm ci --offline` from a cache primed once per platform, so the network is not in the numbers.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shellQuote } from '../util/shell.js';
import { emptyDirectories, wallTime, type Workload, type WorkloadOptions } from './workload.js';

export const NPM_INSTALL_FIXTURES = ['cra', 'medium', 'small'] as const;

const FIXTURE_DESCRIPTIONS: Record<string, string> = {
  cra: 'a create-react-app 5 project (react-scripts 5.0.1, ~1,500 packages)',
  medium: 'an Express API with its linter (~220 packages): shows file-sharing costs in a minute',
  small: 'a handful of packages (chalk, ms, semver): quick checks and tests',
};

export function fixturePath(fixture: string): string {
  const dir = fileURLToPath(new URL(`../../fixtures/npm-install/${fixture}`, import.meta.url));
  if (!existsSync(dir)) throw new Error(`no npm-install fixture named "${fixture}" (have: ${NPM_INSTALL_FIXTURES.join(', ')})`);
  return dir;
}

export const NPM_QUIET = '--no-audit --no-fund --no-update-notifier --loglevel=error';

// node_modules may be a mount point (hybrid): empty it, then remove it where that is allowed.
const EMPTY_NODE_MODULES = emptyDirectories(['node_modules']);

/** Fill `cacheDir` with the packages of the project's npm lockfile (no install scripts: only the packages are wanted). */
export function primeFromLockfile(cacheDir: string): string {
  return `(npm ci --ignore-scripts --cache ${shellQuote(cacheDir)} ${NPM_QUIET}) && (${EMPTY_NODE_MODULES})`;
}

export function npmInstall(options: WorkloadOptions): Workload {
  const network = options.online ? '' : ' --offline';
  return {
    name: 'npm-install',
    description: `npm ci of ${FIXTURE_DESCRIPTIONS[options.fixture] ?? options.fixture}`,
    fixtureDir: fixturePath(options.fixture),
    // The cra fixture also holds the app's sources for the build workload; npm ci only reads the manifest.
    copyExclude: ['node_modules'],
    dependencyDirs: ['node_modules'],
    setup: null,
    steps: [{ name: 'install', command: (cacheDir) => `npm ci${network} --cache ${shellQuote(cacheDir)} ${NPM_QUIET}` }],
    measures: [wallTime('install')],
    reset: EMPTY_NODE_MODULES,
    prime: primeFromLockfile,
    hostRequirements: ['node', 'npm'],
    offline: !options.online,
  };
}
