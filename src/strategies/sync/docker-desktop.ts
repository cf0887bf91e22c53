// Docker Desktop's synchronized file shares: a bind mount of a host path inside one of them is served from an ext4
// cache in Docker Desktop's VM that Docker Desktop keeps in step with the host (docs.docker.com/desktop/features/
// synchronized-file-sharing/). Where the project's copy is inside a share (SynchronizedDirectories in Docker
// Desktop's settings), `sync` is that bind mount: no engine of ours runs, the waits are Docker Desktop's own.
// Untested live here: Docker Desktop does not run on these machines.
import { setTimeout as sleep } from 'node:timers/promises';
import { isAbsolute, relative } from 'node:path';
import type { PlatformSettings } from '../../platforms/settings/settings.js';
import type { SyncPromises, SyncSession } from './engine.js';
import { MUTAGEN_TEMPORARY } from './mutagen.js';
import { settle } from './settle.js';
import type { TreeSide } from './tree.js';

/** How often to look again while waiting for the share to catch up. */
const POLL_MS = 250;

export interface SynchronizedShare {
  /** The share that holds the directory, as the settings name it. */
  share: string;
  /** The settings file it was read from. */
  source: string;
}

/** Whether `dir` is `share` or inside it; case-insensitively where the host's file system usually is (macOS, Windows). */
export function insideDirectory(dir: string, share: string, caseInsensitive: boolean): boolean {
  const fold = (p: string) => (caseInsensitive ? p.toLowerCase() : p);
  const rel = relative(fold(share), fold(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The synchronized share of a Docker Desktop platform that holds `dir`, or why there is none. */
export function synchronizedShareFor(
  kind: string,
  settings: PlatformSettings | null,
  dir: string,
  host: NodeJS.Platform = process.platform,
): SynchronizedShare | { why: string } {
  if (kind !== 'docker-desktop') return { why: 'not Docker Desktop' };
  if (!settings) return { why: 'Docker Desktop\'s settings file was not found on this host' };
  if (settings.problem) return { why: `Docker Desktop's settings (${settings.source}) ${settings.problem}` };
  const shares = settings.synchronized ?? [];
  const share = shares.find((s) => insideDirectory(dir, s, host === 'darwin' || host === 'win32'));
  if (share) return { share, source: settings.source };
  return {
    why:
      shares.length === 0
        ? 'Docker Desktop has no synchronized file share (Settings → Resources → File sharing)'
        : `${dir} is in none of Docker Desktop's synchronized file shares (${shares.join(', ')})`,
  };
}

async function waitForShare(timeoutMs: number): Promise<void> {
  await sleep(Math.min(POLL_MS, timeoutMs));
}

/** The share as a sync engine: nothing to start or stop, its waits observed from outside. */
export class DockerDesktopShareSync implements SyncSession {
  readonly incidents: readonly string[] = [];
  readonly title = 'Docker Desktop synchronized file share';
  readonly how: string;
  /** Synchronized file shares are built on Mutagen (Docker acquired it in 2023): its promises, not more. */
  static readonly PROMISES: SyncPromises = { mtime: false, mode: 'executable', symlinks: true, temporary: MUTAGEN_TEMPORARY };
  readonly promises = DockerDesktopShareSync.PROMISES;

  private constructor(
    share: SynchronizedShare,
    readonly initialSyncSeconds: number,
  ) {
    this.how = `a bind mount inside the synchronized share ${share.share} (SynchronizedDirectories in ${share.source}), served from Docker Desktop's cache in its VM`;
  }

  /** Its initial sync is over when the container sees the whole project. */
  static async start(share: SynchronizedShare, host: TreeSide, container: TreeSide, timeoutSeconds: number): Promise<DockerDesktopShareSync> {
    return new DockerDesktopShareSync(share, await settle(host, container, waitForShare, timeoutSeconds));
  }

  flush(timeoutMs: number): Promise<void> {
    return waitForShare(timeoutMs);
  }

  cpuSeconds(): number | null {
    return null;
  }

  kill(): void {}

  async stop(): Promise<void> {}
}
