// Both sides of a sync as listings (fixtures/sync/tree-listing.cjs): on the host in this process, in the container
// through `docker exec node -e`. Two listings agree when their digests do; when they do not, `treeDifference` says
// where, in a few words, for the reason of a failed sample.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { execCollect } from '../../bench/container-runner.js';
import { lastLine } from '../../util/text.js';
import type { SyncPromises } from './engine.js';

/** The sync strategy's scripts, shipped in the package's fixtures. */
export const SYNC_SCRIPTS_DIR = fileURLToPath(new URL('../../../fixtures/sync', import.meta.url));
const LISTING_SCRIPT = join(SYNC_SCRIPTS_DIR, 'tree-listing.cjs');
const LISTING_SOURCE = `${readFileSync(LISTING_SCRIPT, 'utf8')}\nmain(process.argv.slice(1));`;
const listing = createRequire(import.meta.url)(LISTING_SCRIPT) as {
  listTree(root: string, options: ListingOptions): string[];
  summary(lines: string[], withLines: boolean): TreeListing;
};

export interface ListingOptions {
  ignore: string[];
  /** The engine's own temporary files (SyncPromises.temporary). */
  temporary?: string;
  mtime: boolean;
  mode: SyncPromises['mode'];
  lines?: boolean;
  /** A file of earlier hashes on that side, outside the tree. */
  cache?: string;
}

export interface TreeListing {
  count: number;
  /** Of every entry, modification times left out: sides are in step when their contents are (tree-listing.cjs). */
  digest: string;
  /** path, type, size, mtime (µs), mode, content hash or link target; only when asked for. */
  lines?: string[];
}

/** How far apart two modification times may be and still agree: unison carries them through a float, a
 * microsecond off at times; a ms is far below any change a step makes. */
export const MTIME_TOLERANCE_US = 1000;

export const closeTimes = (a: string, b: string) => a === b || Math.abs(Number(a) - Number(b)) <= MTIME_TOLERANCE_US;

/** Two listings of the same tree: the same entries, types, sizes, modes and contents. */
export function listingsAgree(a: TreeListing, b: TreeListing): boolean {
  return a.digest === b.digest;
}

/** One side of a sync. */
export interface TreeSide {
  list(withLines: boolean): Promise<TreeListing>;
}

export function listingOptions(promises: SyncPromises, ignore: string[]): ListingOptions {
  return { ignore, temporary: promises.temporary, mtime: promises.mtime, mode: promises.mode };
}

export function hostSide(root: string, options: ListingOptions): TreeSide {
  return {
    list: async (withLines) => listing.summary(listing.listTree(root, options), withLines),
  };
}

export function containerSide(docker: Docker, container: Docker.Container, root: string, options: ListingOptions): TreeSide {
  return {
    async list(withLines) {
      const args = JSON.stringify({ ...options, lines: withLines });
      const { stdout, stderr, exitCode } = await execCollect(docker, container, ['node', '-e', LISTING_SOURCE, root, args]);
      if (exitCode !== 0) throw new Error(`listing ${root} in the container failed (exit ${exitCode}): ${lastLine(stderr)}`);
      return JSON.parse(stdout) as TreeListing;
    },
  };
}

const EXAMPLES = 3;

/** Where two listings differ: paths only on one side, and paths whose entries differ (and in what). */
export function treeDifference(host: readonly string[], sandbox: readonly string[]): string {
  const byPath = (lines: readonly string[]) => new Map(lines.map((l) => [l.split('\t')[0], l.split('\t')]));
  const [h, s] = [byPath(host), byPath(sandbox)];
  const onlyHost = [...h.keys()].filter((p) => !s.has(p));
  const onlySandbox = [...s.keys()].filter((p) => !h.has(p));
  const FIELDS = ['type', 'size', 'mtime', 'mode', 'content'];
  const differs = (a: string[], b: string[], i: number) => (FIELDS[i] === 'mtime' ? !closeTimes(a[i + 1], b[i + 1]) : a[i + 1] !== b[i + 1]);
  const differ = [...h.keys()]
    .filter((p) => s.has(p) && FIELDS.some((_, i) => differs(h.get(p)!, s.get(p)!, i)))
    .map((p) => `${p} (${FIELDS.filter((_, i) => differs(h.get(p)!, s.get(p)!, i)).join(', ')})`);
  const part = (what: string, paths: string[]) =>
    paths.length === 0 ? [] : [`${paths.length} ${what}: ${paths.slice(0, EXAMPLES).join(', ')}${paths.length > EXAMPLES ? ', …' : ''}`];
  const parts = [...part('only on the host', onlyHost), ...part('only in the container', onlySandbox), ...part('differ', differ)];
  return parts.length === 0 ? 'the listings agree' : parts.join('; ');
}
