// `build`: a real production build after the install: `react-scripts build` of the create-react-app fixture, or
// `tsc` over a small TypeScript library (the quick size). The install is untimed set-up, once per sandbox; each
// sample removes the output and builds again.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { shellQuote } from '../util/shell.js';
import { fixturePath, NPM_QUIET, primeFromLockfile } from './npm-install.js';
import { emptyDirectories, wallTime, type Workload, type WorkloadOptions } from './workload.js';

export const BUILD_FIXTURES = ['cra', 'small'] as const;

const BUILDS: Record<string, { dir: () => string; command: string; output: string; what: string }> = {
  cra: {
    dir: () => fixturePath('cra'),
    command: 'node node_modules/react-scripts/bin/react-scripts.js build',
    output: 'build',
    what: 'react-scripts build of the create-react-app fixture',
  },
  small: {
    dir: () => fileURLToPath(new URL('../../fixtures/build/small', import.meta.url)),
    command: 'node node_modules/typescript/bin/tsc -p .',
    output: 'dist',
    what: 'tsc over a small TypeScript library (31 modules)',
  },
};

// The build tools are started by path: npx would look a missing tool up on the registry, and a bin link is one more
// thing a file share can get wrong.
export function buildWorkload(options: WorkloadOptions): Workload {
  const build = BUILDS[options.fixture];
  if (!build || !existsSync(build.dir())) throw new UsageError(`the build workload has no --fixture ${options.fixture} (it has: ${BUILD_FIXTURES.join(', ')})`);
  const network = options.online ? '' : ' --offline';
  const install = (cacheDir: string) => `npm ci${network} --cache ${shellQuote(cacheDir)} ${NPM_QUIET}`;
  return {
    name: 'build',
    description: build.what,
    fixtureDir: build.dir(),
    copyExclude: ['node_modules', build.output],
    dependencyDirs: ['node_modules'],
    setup: install,
    // Browserslist's "caniuse-lite is outdated" check would reach for the network; the build does not need it.
    steps: [{ name: 'build', command: () => `BROWSERSLIST_IGNORE_OLD_DATA=1 ${build.command}` }],
    measures: [wallTime('build')],
    reset: emptyDirectories([build.output]),
    prime: primeFromLockfile,
    hostRequirements: ['node', 'npm'],
    offline: !options.online,
  };
}
