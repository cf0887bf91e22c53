// Cold passes: drop the kernel's page, dentry and inode caches before a step, where the platform allows it.
// Containers see the engine's kernel (the VM's, on a Mac), so a privileged helper container drops those; the
// native strategy drops the host's (Linux, as root). What cannot be dropped is reported, never hidden: a "cold"
// figure read from warm caches would make a platform look better than it is.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import type Docker from 'dockerode';
import type { StrategyInfo } from '../model/strategies.js';
import { labels, objectName } from '../util/labels.js';
import { execCollect } from '../docker/exec.js';

const DROP = 'sync && echo 3 > /proc/sys/vm/drop_caches';

/** A cold pass: which kernels' caches were dropped (said in the notes on every platform, not only when one could
 * not be), and why it is not fully cold, or null when it is. */
export interface ColdPass {
  dropped: string | null;
  notCold: string | null;
}

export class CacheDropper {
  private helper: Docker.Container | null = null;
  private helperError: string | null = null;

  constructor(
    private readonly docker: Docker,
    private readonly image: string,
    private readonly runId: string,
    private readonly platformName: string,
    /** Whether the engine shares the host's kernel (Docker on Linux): then one drop serves both. */
    private readonly sameKernelAsHost: boolean,
  ) {}

  /** Drop what can be dropped for a strategy. On the host: the host's caches. In a container: the engine's
   * kernel's, and the host's too when the project crosses the file sharing (the host's cache stands behind it). */
  async drop(strategy: Pick<StrategyInfo, 'onHost' | 'throughFileSharing'>): Promise<ColdPass> {
    // One kernel serves both sides: dropping the host's caches is dropping the engine's.
    if (strategy.onHost || this.sameKernelAsHost) {
      const host = await dropHostCaches();
      return { dropped: host ? null : strategy.onHost ? "the host's kernel" : "the host's kernel, which the engine shares", notCold: host };
    }
    const engine = await this.dropEngineCaches();
    if (engine) return { dropped: null, notCold: engine };
    const inEngine = "the engine's kernel (through a privileged container)";
    if (!strategy.throughFileSharing) return { dropped: inEngine, notCold: null };
    const host = await dropHostCaches();
    if (host) return { dropped: inEngine, notCold: `the host's own file cache behind the share was kept (${host})` };
    return { dropped: `${inEngine} and on the host behind the share`, notCold: null };
  }

  private async dropEngineCaches(): Promise<string | null> {
    if (this.helperError) return this.helperError;
    try {
      if (!this.helper) {
        this.helper = await this.docker.createContainer({
          name: objectName(this.runId, this.platformName, 'cache-drop'),
          Image: this.image,
          Entrypoint: ['sleep'],
          Cmd: ['infinity'],
          Labels: labels(this.runId, 'cache-drop'),
          HostConfig: { Privileged: true, NetworkMode: 'none' },
        });
        await this.helper.start();
      }
      const result = await execCollect(this.docker, this.helper, ['sh', '-c', DROP]);
      if (result.exitCode !== 0) throw new Error((result.stderr || result.stdout).trim() || `exit ${result.exitCode}`);
      return null;
    } catch (error) {
      const why = (error as Error).message.split('\n')[0].replace(/^.*server error - /, '');
      this.helperError = `the engine's caches could not be dropped (a privileged container is needed): ${why}`;
      return this.helperError;
    }
  }

  async dispose(): Promise<void> {
    await this.helper?.remove({ force: true }).catch(() => undefined);
    this.helper = null;
  }
}

async function dropHostCaches(): Promise<string | null> {
  if (process.platform !== 'linux') return `the host's caches cannot be dropped on ${process.platform} without sudo purge`;
  try {
    spawnSync('sync');
    await writeFile('/proc/sys/vm/drop_caches', '3');
    return null;
  } catch (error) {
    return `the host's caches could not be dropped (${(error as NodeJS.ErrnoException).code ?? 'error'}; needs root)`;
  }
}
