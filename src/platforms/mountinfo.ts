// Read the file-sharing mechanism of a mount from /proc/self/mountinfo inside a container.
import type { FileSharing } from '../model/run-document.js';
import { kindById, PLATFORM_KINDS } from './kinds/catalog.js';
import type { PlatformKind } from './kinds/kind.js';
import { parseMountLines } from './evidence/mount-lines.js';

export interface MountinfoEntry {
  mountPoint: string;
  root: string;
  fstype: string;
  source: string;
  line: string;
}

/** mountinfo(5): "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue". The same
 * reading `mountbench identify` gives pasted mount lines (evidence/mount-lines.ts). */
export function parseMountinfo(text: string): MountinfoEntry[] {
  return parseMountLines(text).flatMap((m) => (m.root === null ? [] : [{ mountPoint: m.mountPoint, root: m.root, fstype: m.fstype, source: m.source, line: m.line }]));
}

/** The mount a path lives on: the entry with the longest mount point that is a prefix of it (the last one wins). */
export function mountFor(entries: MountinfoEntry[], path: string): MountinfoEntry | undefined {
  let best: MountinfoEntry | undefined;
  for (const e of entries) {
    const covers = path === e.mountPoint || path.startsWith(e.mountPoint === '/' ? '/' : `${e.mountPoint}/`);
    if (covers && (!best || e.mountPoint.length >= best.mountPoint.length)) best = e;
  }
  return best;
}

const LOCAL_FILESYSTEMS = ['ext4', 'ext3', 'xfs', 'btrfs', 'zfs', 'overlay', 'tmpfs', 'f2fs'];

// Fstypes read the same on every kind; one that means something only on one kind is in that kind's `mounts`.
const MECHANISMS: Record<string, string> = {
  virtiofs: 'virtiofs',
  '9p': '9p',
  'fuse.sshfs': 'sshfs',
  fuse: 'fuse',
  nfs: 'nfs',
  nfs4: 'nfs',
  ...Object.fromEntries(LOCAL_FILESYSTEMS.map((local) => [local, 'none'])),
};

/**
 * What crosses from the container to the files: the name users know the mechanism by. The kind's own fstypes come
 * first; without a known kind, every kind's are tried, as an fstype only one kind shows says which kind it is.
 */
export function sharingMechanism(fstype: string, kind?: string): string {
  const own = kind && kindById(kind);
  const kinds: readonly PlatformKind[] = own ? [own] : PLATFORM_KINDS;
  const tables = [...kinds.flatMap((k) => (k.mounts ? [k.mounts] : [])), MECHANISMS];
  const table = tables.find((t) => Object.hasOwn(t, fstype));
  if (table) return table[fstype];
  return fstype.startsWith('fuse.') ? 'fuse' : 'unknown';
}

/** A mechanism that says nothing of which share a mount crosses: not recognised, or a FUSE file system of any kind. */
export function saysNothingOfTheShare(mechanism: string): boolean {
  return mechanism === 'unknown' || mechanism === 'fuse';
}

export function fileSharingOf(entry: MountinfoEntry | undefined, kind?: string): FileSharing {
  if (!entry) return { mechanism: 'unknown', fstype: null, mountinfo: null };
  return { mechanism: sharingMechanism(entry.fstype, kind), fstype: entry.fstype, mountinfo: entry.line };
}
