// Every built-in workload by name: what it measures (for --help), how to make it from the run's options, and the
// facts reports, doctor and advise read about it (so that none of them tests a workload by its name).
import { bigfileWorkload } from './bigfile.js';
import { buildWorkload } from './build.js';
import { filesWorkload } from './files.js';
import type { SizeOptions } from './generated.js';
import { gitWorkload } from './git.js';
import { npmInstall } from './npm-install.js';
import { PROJECT_WORKLOAD } from './project.js';
import { traverseWorkload } from './traverse.js';
import { watchWorkload } from './watch.js';
import type { Workload, WorkloadOptions } from './workload.js';

/** What reports, doctor and advise know about a workload without making it. */
interface WorkloadFacts {
  /** Its figures depend on the run's fixture setting: the --fixture it starts from, or the user's project. */
  usesFixture: boolean;
  /** It works on the project's sources as an editor or git does (not on its dependencies). */
  readsSources?: boolean;
  /** Its measure of hot reload: the share of files written on the host that never reached a watcher. */
  hotReloadMeasure?: string;
}

interface CatalogEntry extends WorkloadFacts {
  summary: string;
  make(options: WorkloadOptions & SizeOptions): Workload;
}

const CATALOG = {
  'npm-install': {
    summary: 'npm ci of a fixture (--fixture cra|medium|small) from a primed cache: the seed benchmark',
    usesFixture: true,
    make: npmInstall,
  },
  files: {
    summary: 'create, stat, read and delete a node_modules-shaped tree (--files, --file-size): metadata and small I/O',
    usesFixture: false,
    make: filesWorkload,
  },
  traverse: {
    summary: 'walk and stat a large tree written on the host, cold (caches dropped) and warm (--files)',
    usesFixture: false,
    readsSources: true,
    make: traverseWorkload,
  },
  bigfile: {
    summary: 'sequential write with fsync and cold read of one file, MB/s and seconds (--bigfile-size)',
    usesFixture: false,
    make: bigfileWorkload,
  },
  build: {
    summary: 'a production build after an untimed install: react-scripts (--fixture cra) or tsc (--fixture small)',
    usesFixture: true,
    make: buildWorkload,
  },
  git: {
    summary: 'git status and checkout between two commits of a generated repository (--files); the image needs git',
    usesFixture: false,
    readsSources: true,
    make: gitWorkload,
  },
  watch: {
    summary: 'inotify: latency from a write on the host side to a watcher in the container, and events missed (--events)',
    usesFixture: false,
    hotReloadMeasure: 'missed',
    make: watchWorkload,
  },
} satisfies Record<string, CatalogEntry>;

export type WorkloadName = keyof typeof CATALOG;
export const WORKLOAD_NAMES = Object.keys(CATALOG) as WorkloadName[];

/** The seed's benchmark: what a run is summed up by, what the articles published, what a before/after run times. */
export const HEADLINE_WORKLOAD: WorkloadName = 'npm-install';

/** The facts of a workload named in a run document; the user's project (not in the catalog) runs in its own
 * directory, named by the fixture setting. Unknown names (a newer tool's) have none. */
function factsOf(workload: string): WorkloadFacts | undefined {
  if (workload === PROJECT_WORKLOAD) return { usesFixture: true };
  return Object.hasOwn(CATALOG, workload) ? CATALOG[workload as WorkloadName] : undefined;
}

export const usesFixture = (workload: string) => factsOf(workload)?.usesFixture ?? false;
export const readsSources = (workload: string) => factsOf(workload)?.readsSources ?? false;
export const hasHotReloadMeasure = (workload: string) => factsOf(workload)?.hotReloadMeasure !== undefined;
export const isHotReloadMeasure = (workload: string, measure: string) => factsOf(workload)?.hotReloadMeasure === measure;

/** One line per workload, for --help. */
export function workloadSummary(name: WorkloadName): string {
  return CATALOG[name].summary;
}

export function createWorkload(name: WorkloadName, options: WorkloadOptions & SizeOptions): Workload {
  return CATALOG[name].make(options);
}
