// Every built-in workload by name: what it measures (for --help) and how to make it from the run's options.
import { bigfileWorkload } from './bigfile.js';
import { buildWorkload } from './build.js';
import { filesWorkload } from './files.js';
import type { SizeOptions } from './generated.js';
import { gitWorkload } from './git.js';
import { npmInstall } from './npm-install.js';
import { traverseWorkload } from './traverse.js';
import { watchWorkload } from './watch.js';
import type { Workload, WorkloadOptions } from './workload.js';

interface CatalogEntry {
  summary: string;
  make(options: WorkloadOptions & SizeOptions): Workload;
}

const CATALOG = {
  'npm-install': {
    summary: 'npm ci of a fixture (--fixture cra|medium|small) from a primed cache: the seed benchmark',
    make: npmInstall,
  },
  files: {
    summary: 'create, stat, read and delete a node_modules-shaped tree (--files, --file-size): metadata and small I/O',
    make: filesWorkload,
  },
  traverse: {
    summary: 'walk and stat a large tree written on the host, cold (caches dropped) and warm (--files)',
    make: traverseWorkload,
  },
  bigfile: {
    summary: 'sequential write with fsync and cold read of one file, MB/s and seconds (--bigfile-size)',
    make: bigfileWorkload,
  },
  build: {
    summary: 'a production build after an untimed install: react-scripts (--fixture cra) or tsc (--fixture small)',
    make: buildWorkload,
  },
  git: {
    summary: 'git status and checkout between two commits of a generated repository (--files); the image needs git',
    make: gitWorkload,
  },
  watch: {
    summary: 'inotify: latency from a write on the host side to a watcher in the container, and events missed (--events)',
    make: watchWorkload,
  },
} satisfies Record<string, CatalogEntry>;

export type WorkloadName = keyof typeof CATALOG;
export const WORKLOAD_NAMES = Object.keys(CATALOG) as WorkloadName[];

/** One line per workload, for --help. */
export function workloadSummary(name: WorkloadName): string {
  return CATALOG[name].summary;
}

export function createWorkload(name: WorkloadName, options: WorkloadOptions & SizeOptions): Workload {
  return CATALOG[name].make(options);
}
