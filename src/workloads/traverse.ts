// `traverse`: walk and stat every entry of a large tree written from the host side, once with the caches dropped
// (cold) and once right after (warm). Cold is what a first `find`, test-runner scan or watcher start-up costs.
import { join } from 'node:path';
import { printed, type Workload } from './workload.js';
import { freshFixture, generatedWorkload, script, writeTree, type SizeOptions } from './generated.js';

export function traverseWorkload(sizes: SizeOptions): Workload {
  const base = generatedWorkload(sizes, 'traverse');
  const walk = () => script('traverse.cjs', 'tree');
  return {
    ...base,
    description: `walk and stat a tree of ${sizes.files.toLocaleString('en')} files, cold then warm`,
    prepare: async () => {
      await freshFixture(base.fixtureDir);
      writeTree(join(base.fixtureDir, 'tree'), sizes.files, sizes.fileBytes);
    },
    steps: [
      { name: 'cold', cold: true, command: walk },
      { name: 'warm', command: walk },
    ],
    measures: [printed('cold', 'cold', 'seconds'), printed('warm', 'warm', 'seconds')],
    reset: 'true',
  };
}
