// `files`: create, stat, read and delete a node_modules-shaped tree of small files, each phase a figure of its own.
// The tree is a dependency directory, so `hybrid` puts it in a volume, as it would put node_modules.
import { emptyDirectories, printed, type Workload } from './workload.js';
import { freshFixture, generatedDir, script, type SizeOptions } from './generated.js';

export function filesWorkload(sizes: SizeOptions): Workload {
  const fixtureDir = generatedDir(sizes.workDir, 'files');
  return {
    name: 'files',
    description: `create, stat, read and delete ${sizes.files.toLocaleString('en')} files of ${sizes.fileBytes} bytes`,
    fixtureDir,
    prepare: () => freshFixture(fixtureDir),
    copyExclude: ['node_modules'],
    dependencyDirs: ['node_modules'],
    setup: null,
    steps: [{ name: 'files', command: () => script('files.cjs', 'node_modules', sizes.files, sizes.fileBytes) }],
    measures: ['create', 'stat', 'read', 'delete'].map((phase) => printed('files', phase, phase)),
    reset: emptyDirectories(['node_modules']),
    prime: null,
    hostRequirements: [],
  };
}
