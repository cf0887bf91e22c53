// The real PlatformEngine: one Docker endpoint, reached through dockerode. Every container and volume it makes
// carries the run's label, so cleaning up is one query, whatever failed or was interrupted on the way.
import { join } from 'node:path';
import type Docker from 'dockerode';
import { DirectoryNotSharedError, diagnoseNotShared, notSharedRefusal } from '../platforms/not-shared.js';
import { readEngineDisk } from '../platforms/engine-disk.js';
import { probeFileSharing } from '../platforms/probe.js';
import type { PlatformIdentity } from '../model/run-document.js';
import { strategyInfo, type ImplementedStrategy } from '../model/strategies.js';
import { objectName } from '../util/labels.js';
import type { Workload } from '../workloads/workload.js';
import { CacheDropper, type ColdPass } from './cache-drop.js';
import { countLabelled, removeLabelled } from '../docker/cleanup.js';
import { EngineNotAnsweringError } from '../docker/deadlines.js';
import type { PlatformEngine } from './engine.js';
import { resolveImage, saveImage, type ResolvedImage } from '../docker/images.js';
import { primePlatform } from './prime.js';
import type { SandboxContext } from './sandbox.js';
import type { StrategyList } from './strategy.js';
import { engineHasItsOwnKernel } from './vm-load.js';
import { probeVmLoad } from './vm-load-probe.js';
import type { LoadReading } from './machine-load.js';

export interface DockerEngineSettings {
  runId: string;
  /** The run's host work directory; this platform's copies go under <workDir>/<platform>. */
  workDir: string;
  online: boolean;
  /** The strategies this engine builds sandboxes with: handed in, as the engine knows none of them. */
  strategies: StrategyList;
  /** Each strategy's settings from its own flags (absent: its defaults). */
  strategySettings?: Partial<Record<ImplementedStrategy, unknown>>;
}

export class DockerEngine implements PlatformEngine {
  private image: string | null = null;
  private dropper: CacheDropper | null = null;
  /** Aborted by Ctrl-C: ends a copy into a container at once. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly docker: Docker,
    private readonly identity: Pick<PlatformIdentity, 'name' | 'kind' | 'endpoint' | 'engine'>,
    private readonly settings: DockerEngineSettings,
  ) {}

  get name(): string {
    return this.identity.name;
  }

  async useImage(requested: string | null, donors: readonly PlatformEngine[]): Promise<ResolvedImage> {
    const resolved = await resolveImage(this.docker, requested, donors);
    this.image = resolved.ref;
    // On Linux an engine with the host's kernel shares its caches: one drop on the host serves both.
    this.dropper = new CacheDropper(this.docker, resolved.ref, this.settings.runId, this.name, !engineHasItsOwnKernel(this.identity.engine.kernel));
    return resolved;
  }

  private context(workload: Workload, hostCacheDir: string | null): SandboxContext {
    if (!this.image) throw new Error('useImage must come before anything that starts a container');
    return {
      runId: this.settings.runId,
      platformName: this.name,
      platform: { kind: this.identity.kind, endpoint: this.identity.endpoint, arch: this.identity.engine.arch, ownKernel: engineHasItsOwnKernel(this.identity.engine.kernel) },
      docker: this.docker,
      image: this.image,
      online: this.settings.online,
      cacheVolume: objectName(this.settings.runId, this.name, workload.name, 'cache'),
      hostCacheDir,
      settings: undefined,
      signal: this.stopping.signal,
    };
  }

  exportImage(ref: string) {
    return saveImage(this.docker, ref);
  }

  async fileSharing(hostDir: string) {
    if (!this.image) throw new Error('useImage must come before the file-sharing probe');
    try {
      return await probeFileSharing(this.docker, this.image, hostDir, this.identity.kind, this.settings.runId);
    } catch (error) {
      const refusal = notSharedRefusal(error);
      if (!refusal) throw error;
      const endpoint = { name: this.name, aliases: [], host: this.identity.endpoint };
      throw new DirectoryNotSharedError(this.name, await diagnoseNotShared(this.docker, this.image, endpoint, this.identity.kind, hostDir, refusal, this.settings.runId));
    }
  }

  diskSpace() {
    if (!this.image) throw new Error('useImage must come before the disk probe');
    return readEngineDisk(this.docker, this.image, this.settings.runId, this.name);
  }

  prime(workload: Workload, hostCacheDir: string | null) {
    return primePlatform(this.context(workload, hostCacheDir), workload);
  }

  openSandbox(strategy: ImplementedStrategy, workload: Workload, cellId: string, hostCacheDir: string | null) {
    const ctx = { ...this.context(workload, hostCacheDir), settings: this.settings.strategySettings?.[strategy] };
    return this.settings.strategies[strategy].createSandbox(ctx, workload, {
      name: objectName(this.settings.runId, this.name, workload.name, strategy),
      hostDir: join(this.settings.workDir, this.name, workload.name, strategy),
      cellId,
    });
  }

  async dropCaches(strategy: ImplementedStrategy): Promise<ColdPass> {
    if (!this.dropper) throw new Error('useImage must come before a cold pass');
    return this.dropper.drop(strategyInfo(strategy));
  }

  async readVmLoad(seconds: number): Promise<LoadReading | null> {
    if (!this.image || !engineHasItsOwnKernel(this.identity.engine.kernel)) return null;
    return probeVmLoad(this.docker, this.image, this.settings.runId, seconds);
  }

  interrupt(): void {
    this.stopping.abort();
    // Removing the containers ends any `docker exec` in flight.
    void removeLabelled(this.docker, this.settings.runId);
  }

  async cleanUp(): Promise<string[]> {
    await this.dropper?.dispose();
    const { failed } = await removeLabelled(this.docker, this.settings.runId);
    // Counted again: what the engine says is left is what is left, whatever the removals answered.
    const left = await countLabelled(this.docker, this.settings.runId).catch((error: Error) => ({ error }));
    const again = `mountbench clean --run ${this.settings.runId} tries again`;
    if ('error' in left) {
      // An engine that stopped answering refused every removal for the same reason: said once.
      const frozen = left.error instanceof EngineNotAnsweringError;
      const why = frozen ? `the engine stopped answering (${left.error.message})` : left.error.message;
      const what = `${this.name}: the containers and volumes labelled mountbench.run=${this.settings.runId} may still be there: ${why}; ${again}${frozen ? ' once it answers' : ''}`;
      return [what, ...(frozen ? [] : failed.map((f) => `${this.name}: ${f}`))];
    }
    if (left.containers + left.volumes === 0) return [];
    return [`${this.name}: ${left.containers} container(s) and ${left.volumes} volume(s) labelled mountbench.run=${this.settings.runId} could not be removed (${again})${failed.length ? `: ${failed.join('; ')}` : ''}`];
  }
}
