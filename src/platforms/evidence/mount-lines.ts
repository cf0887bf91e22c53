// Mount lines from inside a container, in the forms people paste: /proc/self/mountinfo, /proc/mounts (fstab form),
// `mount`, `findmnt` and `df -T`. Each line is read on its own, so a paste may mix them (and other text).
import type { MountLine, Piece } from './evidence.js';

type Mount = Omit<MountLine, 'from'>;

// mountinfo and /proc/mounts escape space, tab, newline and backslash as octal.
const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** mountinfo(5): "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue". */
function mountinfoLine(line: string): Mount | null {
  const match = /^\d+ \d+ \d+:\d+ (\S+) (\S+) \S+(?: \S+)* - (\S+) (\S+)/.exec(line);
  return match ? { root: unescape(match[1]), mountPoint: unescape(match[2]), fstype: match[3], source: match[4], line } : null;
}

/** /proc/mounts: "grpcfuse /app fuse.grpcfuse rw,nosuid 0 0". */
function procMountsLine(line: string): Mount | null {
  const match = /^(\S+) (\/\S*) (\S+) (\S+) \d+ \d+$/.exec(line);
  return match ? { root: null, mountPoint: unescape(match[2]), fstype: match[3], source: unescape(match[1]), line } : null;
}

/** `mount`: "drvfsC0 on /mnt/c type virtiofs (rw,noatime)". */
function mountCommandLine(line: string): Mount | null {
  const match = /^(.+?) on (\/.*?) type (\S+)(?: \(.*\))?$/.exec(line);
  return match ? { root: null, mountPoint: match[2], fstype: match[3], source: match[1], line } : null;
}

/** `df -T`: "Filesystem Type 1K-blocks Used Available Use% Mounted on", then a row per mount. */
function dfLine(line: string): Mount | null {
  const match = /^(\S+)\s+(\S+)\s+\d+\s+\d+\s+\d+\s+\d+%\s+(\/.*)$/.exec(line);
  return match ? { root: null, mountPoint: match[3], fstype: match[2], source: match[1], line } : null;
}

/** `findmnt` rows, by its header's columns (TARGET, SOURCE, FSTYPE; OPTIONS may follow). */
function findmntRows(lines: string[]): Mount[] {
  const mounts: Mount[] = [];
  let columns: string[] | null = null;
  for (const line of lines) {
    const fields = line.trim().split(/\s+/);
    if (fields.includes('TARGET') && fields.includes('FSTYPE')) {
      columns = fields;
      continue;
    }
    if (!columns || fields.length < 3) {
      columns = fields.length < 3 ? null : columns;
      continue;
    }
    const at = (name: string) => fields[columns!.indexOf(name)];
    // Tree drawing (├─, └─) before the target, as findmnt prints nested mounts.
    const target = at('TARGET')?.replace(/^[│├└─\s`|-]+/, '');
    if (target?.startsWith('/') && at('FSTYPE')) mounts.push({ root: null, mountPoint: target, fstype: at('FSTYPE'), source: at('SOURCE') ?? '', line });
  }
  return mounts;
}

export function parseMountLines(text: string): Mount[] {
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.trimEnd());
  const each = lines.flatMap((line) => {
    const trimmed = line.trim();
    const mount = mountinfoLine(trimmed) ?? procMountsLine(trimmed) ?? mountCommandLine(trimmed) ?? dfLine(trimmed);
    return mount ? [mount] : [];
  });
  return [...each, ...findmntRows(lines)];
}

export function mountLines(text: string): Piece[] {
  const mounts = parseMountLines(text);
  return mounts.length > 0 ? [{ format: 'mount lines from a container', mounts }] : [];
}
