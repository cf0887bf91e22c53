// A service's `volumes` entry, in either syntax Compose accepts, as one shape:
//   short  ".:/app", "./web:/app:cached", "/app/node_modules" (anonymous), "deps:/app/node_modules" (named)
//   long   { type: bind, source: ., target: /app }, { type: volume, source: deps, target: /app/node_modules }
import { homedir } from 'node:os';
import { isAbsolute, posix, resolve } from 'node:path';
import { interpolate, type Variables } from './variables.js';

export interface Mount {
  type: 'bind' | 'volume' | 'tmpfs' | 'other';
  /** A bind's host directory, absolute; a volume's name; null for an anonymous volume or a tmpfs. */
  source: string | null;
  /** The path inside the container. */
  target: string;
  /** The entry as the user wrote it, to name it in the advice. */
  text: string;
  /** The Compose file it comes from, after merging. */
  file?: string;
}

/** "/app/" and "/app" are one target. */
function containerPath(path: string): string {
  const normal = posix.normalize(path);
  return normal.length > 1 ? normal.replace(/\/$/, '') : normal;
}

/** Host paths in short syntax start like one; anything else is the name of a volume. */
function isHostPath(source: string): boolean {
  return /^([./~]|[A-Za-z]:[\\/])/.test(source);
}

function hostPath(source: string, baseDir: string): string {
  const home = source === '~' || source.startsWith('~/') ? homedir() + source.slice(1) : source;
  return isAbsolute(home) ? resolve(home) : resolve(baseDir, home);
}

/** "SOURCE:TARGET[:MODE]" or "TARGET"; a Windows drive letter's colon is not a separator. */
function splitShort(text: string): string[] {
  const drive = /^[A-Za-z]:[\\/]/.test(text) ? text.slice(0, 2) : '';
  const parts = text.slice(drive.length).split(':');
  parts[0] = drive + parts[0];
  return parts;
}

/** One `volumes` entry of a service; relative host paths are resolved against `baseDir` (the compose file's). */
export function parseMount(entry: unknown, baseDir: string, variables: Variables): Mount | null {
  if (typeof entry === 'string') {
    const [first, second] = splitShort(interpolate(entry, variables));
    if (second === undefined) return { type: 'volume', source: null, target: containerPath(first), text: entry };
    const bind = isHostPath(first);
    return { type: bind ? 'bind' : 'volume', source: bind ? hostPath(first, baseDir) : first, target: containerPath(second), text: entry };
  }
  if (typeof entry !== 'object' || entry === null) return null;
  const long = entry as { type?: unknown; source?: unknown; target?: unknown };
  if (typeof long.target !== 'string') return null;
  const source = typeof long.source === 'string' && long.source !== '' ? interpolate(long.source, variables) : null;
  const type = long.type ?? (source !== null && isHostPath(source) ? 'bind' : 'volume');
  const target = containerPath(interpolate(long.target, variables));
  const text = `${String(long.type ?? '')}${source !== null ? ` ${String(long.source)}` : ''} → ${long.target}`.trim();
  if (type === 'bind') return { type, source: source === null ? null : hostPath(source, baseDir), target, text };
  if (type === 'volume' || type === 'tmpfs') return { type, source: type === 'tmpfs' ? null : source, target, text };
  return { type: 'other', source, target, text };
}

/** Whether `path` is `dir` or inside it (POSIX container paths, or host paths). */
export function isWithin(path: string, dir: string): boolean {
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  return path === dir || path.startsWith(base);
}
