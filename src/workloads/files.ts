// `files`: create, stat, read and delete a node_modules-shaped tree of small files, each phase a figure of its own.
// The tree is a dependency directory, so `hybrid` puts it in a volume, as it would put node_modules.
import { emptyDirectories, printed, type Workload } from './workload.js';
import { generatedWorkload, script, type SizeOptions } from './generated.js';

export function filesWorkload(sizes: SizeOptions): Workload {
  return {
    ...generatedWorkload(sizes, 'files'),
    description: `create, stat, read and delete ${sizes.files.toLocaleString('en')} files of ${sizes.fileBytes} bytes`,
    copyExclude: ['node_modules'],
    dependencyDirs: ['node_modules'],
    steps: [{ name: 'files', command: () => script('files.cjs', 'node_modules', sizes.files, sizes.fileBytes) }],
    measures: ['create', 'stat', 'read', 'delete'].map((phase) => printed('files', phase, phase)),
    reset: emptyDirectories(['node_modules']),
  };
}
