// Every built-in workload by name, and how to make it from the run's options.
import { bigfileWorkload } from './bigfile.js';
import { buildWorkload } from './build.js';
import { filesWorkload } from './files.js';
import type { SizeOptions } from './generated.js';
import { gitWorkload } from './git.js';
import { npmInstall } from './npm-install.js';
import { traverseWorkload } from './traverse.js';
import { watchWorkload } from './watch.js';
import type { Workload, WorkloadOptions } from './workload.js';

export const WORKLOADS = {
  'npm-install': 'npm ci of a fixture (--fixture cra|medium|small) from a primed cache: the seed benchmark',
  files: 'create, stat, read and delete a node_modules-shaped tree (--files, --file-size): metadata and small I/O',
  traverse: 'walk and stat a large tree written on the host, cold (caches dropped) and warm (--files)',
  bigfile: 'sequential write with fsync and cold read of one file, MB/s and seconds (--bigfile-size)',
  build: 'a production build after an untimed install: react-scripts (--fixture cra) or tsc (--fixture small)',
  git: 'git status and checkout between two commits of a generated repository (--files); the image needs git',
  watch: 'inotify: latency from a write on the host side to a watcher in the container, and events missed (--events)',
} as const;

export type WorkloadName = keyof typeof WORKLOADS;
export const WORKLOAD_NAMES = Object.keys(WORKLOADS) as WorkloadName[];

export function createWorkload(name: WorkloadName, options: WorkloadOptions & SizeOptions): Workload {
  switch (name) {
    case 'npm-install':
      return npmInstall(options);
    case 'files':
      return filesWorkload(options);
    case 'traverse':
      return traverseWorkload(options);
    case 'bigfile':
      return bigfileWorkload(options);
    case 'build':
      return buildWorkload(options);
    case 'git':
      return gitWorkload(options);
    case 'watch':
      return watchWorkload(options);
  }
}
