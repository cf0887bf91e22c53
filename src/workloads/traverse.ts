// `traverse`: walk and stat every entry of a large tree written from the host side, once with the caches dropped
// (cold) and once right after (warm). Cold is what a first `find`, test-runner scan or watcher start-up costs.
import { join } from 'node:path';
import { printed, type Workload } from './workload.js';
import { freshFixture, generatedDir, script, writeTree, type SizeOptions } from './generated.js';

export function traverseWorkload(sizes: SizeOptions): Workload {
  const fixtureDir = generatedDir(sizes.workDir, 'traverse');
  const walk = () => script('traverse.cjs', 'tree');
  return {
    name: 'traverse',
    description: `walk and stat a tree of ${sizes.files.toLocaleString('en')} files, cold then warm`,
    fixtureDir,
    prepare: async () => {
      await freshFixture(fixtureDir);
      writeTree(join(fixtureDir, 'tree'), sizes.files, sizes.fileBytes);
    },
    copyExclude: [],
    dependencyDirs: [],
    setup: null,
    steps: [
      { name: 'cold', cold: true, command: walk },
      { name: 'warm', command: walk },
    ],
    measures: [printed('cold', 'cold', 'seconds'), printed('warm', 'warm', 'seconds')],
    reset: 'true',
    prime: null,
    hostRequirements: [],
  };
}
