// A project's tree as mountbench copies it. Links are copied as links, so every strategy measures the same project;
// a link that leads out of the project (an absolute one, or a relative one that climbs above the project, also by
// way of another link) is copied as a dangling link instead, and reported: through the original, a command in the
// copy would write into the user's real files (`rm -rf out/*`), and a copy of what it points to could be anything
// (the home directory, ~/.ssh) that the user never asked to ship into a container. An absolute link into the
// project itself becomes the relative link to the same place, so that the copy points into the copy.
import { constants, accessSync, lstatSync, readdirSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** What an outward link points to in a copy: nothing, in a directory that does not exist either, so neither a
 * read nor a write through it reaches anything. */
export const LINK_OUT_OF_PROJECT = '.mountbench/link-out-of-project';

/** The most links the kernel follows in one path (Linux's MAXSYMLINKS); past it, a loop that leads nowhere. */
const MAX_HOPS = 40;

export interface TreeScan {
  /** Every link below the root, by its path relative to the root, with the text its copies get. */
  links: Map<string, string>;
  /** Links that lead out of the project, as "path -> text". */
  outward: string[];
  /** Entries no copy can take: "path: why". */
  uncopyable: string[];
  /** Bytes of the regular files, and how many entries there are. */
  bytes: number;
  entries: number;
}

function within(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** Whether `text`, read from the link at `link`, resolves inside `root`: component by component, as the kernel
 * resolves it, following the links it meets; never leaving the root on the way, as the copy's surroundings differ. */
function resolvesWithin(root: string, link: string, text: string): boolean {
  let hops = 0;
  const walk = (from: string, path: string): string | null => {
    let at = isAbsolute(path) ? sep : from;
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      at = part === '..' ? dirname(at) : join(at, part);
      if (!within(root, at)) return null;
      if (!lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink()) continue;
      if (++hops > MAX_HOPS) return at;
      const next = walk(dirname(at), readlinkSync(at));
      if (next === null) return null;
      at = next;
    }
    return at;
  };
  return walk(dirname(link), text) !== null;
}

/** The text a copy of the link gets, and whether the original leads out of the project. `real`: the root's real
 * path, as an absolute link may name it. */
function linkInCopy(root: string, real: string, link: string, text: string): { text: string; outward: boolean } {
  let local = text;
  if (isAbsolute(text)) {
    const target = resolve(text);
    const inRoot = within(root, target) ? target : within(real, target) ? join(root, relative(real, target)) : null;
    if (inRoot) local = relative(dirname(link), inRoot) || '.';
  }
  return resolvesWithin(root, link, local) ? { text: local, outward: false } : { text: LINK_OUT_OF_PROJECT, outward: true };
}

function kindOf(stat: Stats): string | null {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'a device';
  return null;
}

/** Every entry below `root` but the top-level names in `exclude`: its links as the copies get them, what no copy
 * can take, and its size. */
export function scanTree(root: string, exclude: readonly string[] = []): TreeScan {
  const scan: TreeScan = { links: new Map(), outward: [], uncopyable: [], bytes: 0, entries: 0 };
  const real = realpathSync(root);
  const visit = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      scan.uncopyable.push(`${relative(root, dir) || '.'}: the directory cannot be read (${(error as NodeJS.ErrnoException).code})`);
      return;
    }
    for (const name of names) {
      if (dir === root && exclude.includes(name)) continue;
      const path = join(dir, name);
      const rel = relative(root, path);
      const stat = lstatSync(path);
      scan.entries += 1;
      if (stat.isSymbolicLink()) {
        const text = readlinkSync(path);
        const copy = linkInCopy(root, real, path, text);
        scan.links.set(rel, copy.text);
        if (copy.outward) scan.outward.push(`${rel} -> ${text}`);
      } else if (stat.isDirectory()) {
        visit(path);
      } else if (kindOf(stat)) {
        scan.uncopyable.push(`${rel}: ${kindOf(stat)}, which no copy can take`);
      } else {
        scan.bytes += stat.size;
        try {
          accessSync(path, constants.R_OK);
        } catch (error) {
          scan.uncopyable.push(`${rel}: cannot be read (${(error as NodeJS.ErrnoException).code})`);
        }
      }
    }
  };
  visit(root);
  return scan;
}
