// Read the file-sharing mechanism of a mount from /proc/self/mountinfo inside a container.
import type { FileSharing } from '../results/schema.js';

export interface MountinfoEntry {
  mountPoint: string;
  root: string;
  fstype: string;
  source: string;
  line: string;
}

/** mountinfo(5): "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue". */
export function parseMountinfo(text: string): MountinfoEntry[] {
  return text
    .split('\n')
    .filter((line) => line.includes(' - '))
    .map((line) => {
      const [before, after] = line.split(' - ', 2);
      const fields = before.split(' ');
      const [fstype, source] = after.split(' ');
      return { root: unescape(fields[3]), mountPoint: unescape(fields[4]), fstype, source, line };
    });
}

// mountinfo escapes space, tab, newline and backslash as octal.
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
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

const LOCAL_FILESYSTEMS = new Set(['ext4', 'ext3', 'xfs', 'btrfs', 'zfs', 'overlay', 'tmpfs', 'f2fs']);

/** What crosses from the container to the files: the name users know the mechanism by. */
export function sharingMechanism(fstype: string): string {
  if (fstype === 'fakeowner') return 'virtiofs'; // Docker Desktop's VirtioFS share, seen through its ownership shim
  if (fstype === 'virtiofs') return 'virtiofs';
  if (fstype === 'fuse.grpcfuse') return 'grpcfuse';
  if (fstype === 'osxfs' || fstype === 'fuse.osxfs') return 'osxfs';
  if (fstype === '9p') return '9p';
  if (fstype === 'fuse.sshfs') return 'sshfs';
  if (fstype === 'fuse' || fstype.startsWith('fuse.')) return 'fuse';
  if (fstype === 'nfs' || fstype === 'nfs4') return 'nfs';
  if (LOCAL_FILESYSTEMS.has(fstype)) return 'none';
  return 'unknown';
}

export function fileSharingOf(entry: MountinfoEntry | undefined): FileSharing {
  if (!entry) return { mechanism: 'unknown', fstype: null, mountinfo: null };
  return { mechanism: sharingMechanism(entry.fstype), fstype: entry.fstype, mountinfo: entry.line };
}
