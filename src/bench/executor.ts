// The execute step: for each platform and workload, prepare it (identify, image, caches), build one sandbox per
// strategy, take the samples (interleaved across sandboxes by default, to cancel drift), and tear everything down,
// also on failure and Ctrl-C. It returns what it measured; summarising and reporting happen after it.
import { mkdir } from 'node:fs/promises';
import { release } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import type { Endpoint } from '../platforms/endpoint.js';
import { fileSharingOf, mountFor, parseMountinfo } from '../platforms/mountinfo.js';
import { probeEndpoint } from '../platforms/probe.js';
import type { Cell, PlatformIdentity, Priming, RunDocument, Sample } from '../results/schema.js';
import { objectName } from '../util/labels.js';
import { lastLine } from '../util/text.js';
import { measureOf, type Workload } from '../workloads/workload.js';
import { CacheDropper } from './cache-drop.js';
import { removeLabelled } from './cleanup.js';
import { resolveImage } from './image.js';
import type { PlannedCell } from './plan.js';
import { primeOnHost, primePlatform } from './prime.js';
import { takeSample, type LiveSandbox } from './sample.js';
import { createSandbox, type PlatformContext } from './sandbox.js';

export interface ExecutionSettings {
  runId: string;
  workDir: string;
  runs: number;
  warmup: number;
  /** null: the default image with its offline fallback. */
  image: string | null;
  online: boolean;
  order: 'interleaved' | 'sequential';
  /** Host npm version, or null when the host cannot run the workload natively. */
  hostNpm: string | null;
}

export interface ProgressListener {
  platformStarted(platform: string): void;
  phase(platform: string, message: string): void;
  sampleStarted(cell: Cell, sampleIndex: number, samplesPerCell: number): void;
  sampleFinished(cell: Cell, sample: Sample): void;
  platformFinished(platform: string, error: string | null): void;
}

export type PlatformRecord = RunDocument['platforms'][number];

export interface Execution {
  platforms: PlatformRecord[];
  cells: Cell[];
  priming: Priming[];
  interrupted: boolean;
}


function emptyCell(planned: PlannedCell, workload: Workload): Cell {
  const measure = measureOf(workload, planned.measure);
  return {
    id: planned.id,
    platform: planned.platform,
    strategy: planned.strategy,
    workload: workload.name,
    measure: measure.key,
    metric: measure.metric,
    status: 'ok',
    reason: null,
    mounts: [],
    runtime: null,
    notes: [],
    samples: [],
    summary: null,
    ratioToNative: null,
  };
}


function setStatus(cells: Cell[], status: Cell['status'], reason: string): void {
  for (const c of cells) Object.assign(c, { status, reason });
}

export class Executor {
  private interrupted = false;
  private readonly live = new Set<LiveSandbox>();
  private readonly dockers = new Set<Docker>();

  constructor(
    private readonly settings: ExecutionSettings,
    private readonly workloads: Workload[],
    private readonly listener: ProgressListener,
  ) {}

  /** Ctrl-C: stop the sample in flight; `execute` then cleans up and returns what was measured. */
  interrupt(): void {
    this.interrupted = true;
    for (const l of this.live) l.sandbox?.runner.abort();
    // Removing the containers ends any `docker exec` in flight.
    for (const docker of this.dockers) void removeLabelled(docker, this.settings.runId);
  }

  async execute(endpoints: Endpoint[], plan: PlannedCell[]): Promise<Execution> {
    const execution: Execution = { platforms: [], cells: [], priming: [], interrupted: false };
    const hostCaches = new Map<string, { dir: string | null; error: string | null }>();
    for (const workload of this.workloads) {
      if (workload.prepare) {
        this.listener.phase('host', `generating the starting files of ${workload.name} (untimed)`);
        await workload.prepare();
      }
      if (this.settings.hostNpm && workload.prime && !this.interrupted) {
        this.listener.phase('host', `priming the ${workload.name} cache with the host npm (untimed)`);
        try {
          const primed = await primeOnHost(workload, join(this.settings.workDir, 'host', workload.name));
          hostCaches.set(workload.name, { dir: primed.cacheDir, error: null });
          execution.priming.push(primed.priming);
        } catch (error) {
          hostCaches.set(workload.name, { dir: null, error: (error as Error).message });
        }
      }
    }

    for (const endpoint of endpoints) {
      const cells = plan
        .filter((p) => p.platform === endpoint.name)
        .map((p) => emptyCell(p, this.workloads.find((w) => w.name === p.workload)!));
      execution.cells.push(...cells);
      if (this.interrupted) {
        execution.platforms.push({ name: endpoint.name, identity: null, image: null, error: 'run interrupted before this platform' });
        setStatus(cells, 'interrupted', 'run interrupted before this platform');
        this.listener.platformFinished(endpoint.name, 'interrupted');
        continue;
      }
      this.listener.platformStarted(endpoint.name);
      const record = await this.executePlatform(endpoint, cells, hostCaches, execution.priming);
      execution.platforms.push(record);
      this.listener.platformFinished(endpoint.name, this.interrupted ? 'interrupted' : record.error);
    }
    execution.interrupted = this.interrupted;
    return execution;
  }

  private async executePlatform(
    endpoint: Endpoint,
    cells: Cell[],
    hostCaches: Map<string, { dir: string | null; error: string | null }>,
    priming: Priming[],
  ): Promise<PlatformRecord> {
    const record: PlatformRecord = { name: endpoint.name, identity: null, image: null, error: null };
    const skipAll = (reason: string) => {
      record.error = reason;
      for (const c of cells) if (c.status === 'ok' && c.samples.length === 0) Object.assign(c, { status: 'skipped', reason });
      return record;
    };

    this.listener.phase(endpoint.name, 'identifying the engine');
    const probed = await probeEndpoint(endpoint);
    if (!probed.docker || !probed.identity) return skipAll(`not reachable: ${probed.unreachable}`);
    const docker = probed.docker;
    record.identity = { ...probed.identity, fileSharing: null };
    this.dockers.add(docker);

    let dropper: CacheDropper | null = null;
    try {
      this.listener.phase(endpoint.name, 'finding the image');
      const image = await resolveImage(docker, this.settings.image);
      record.image = { ref: image.ref, id: image.id };
      if (image.note) this.listener.phase(endpoint.name, image.note);
      const sameKernel = process.platform === 'linux' && record.identity.engine.kernel === release();
      dropper = new CacheDropper(docker, image.ref, this.settings.runId, endpoint.name, sameKernel);

      for (const workload of this.workloads) {
        if (this.interrupted) break;
        const hostCache = hostCaches.get(workload.name) ?? { dir: null, error: null };
        const ctx: PlatformContext = {
          runId: this.settings.runId,
          platformName: endpoint.name,
          docker,
          image: image.ref,
          online: this.settings.online,
          cacheVolume: objectName(this.settings.runId, endpoint.name, workload.name, 'cache'),
          hostWorkDir: join(this.settings.workDir, endpoint.name, workload.name),
          hostCacheDir: hostCache.dir,
        };
        await this.executeWorkload(ctx, workload, cells.filter((c) => c.workload === workload.name), hostCache.error, dropper, record, priming);
      }
    } catch (error) {
      if (!this.interrupted) skipAll((error as Error).message);
    } finally {
      this.listener.phase(endpoint.name, 'cleaning up');
      await dropper?.dispose();
      // Whatever a failure left behind (the prime container, the cache volume) carries the run's label.
      await removeLabelled(docker, this.settings.runId);
      this.dockers.delete(docker);
    }
    if (this.interrupted) {
      for (const c of cells) {
        if (c.status === 'ok' && c.samples.filter((s) => !s.warmup).length < this.settings.runs) {
          Object.assign(c, { status: 'interrupted', reason: 'run interrupted (Ctrl-C)' });
        }
      }
    }
    return record;
  }

  /** One workload on one platform: prime its cache, build a sandbox per strategy, sample, tear down. */
  private async executeWorkload(
    ctx: PlatformContext,
    workload: Workload,
    cells: Cell[],
    hostPrimingError: string | null,
    dropper: CacheDropper,
    record: PlatformRecord,
    priming: Priming[],
  ): Promise<void> {
    const live: LiveSandbox[] = [];
    try {
      await mkdir(ctx.hostWorkDir, { recursive: true });
      if (workload.prime) this.listener.phase(ctx.platformName, `priming the ${workload.name} cache on the platform (untimed)`);
      const primed = await primePlatform(ctx, workload);
      if (primed) priming.push(primed);

      const strategies = [...new Set(cells.map((c) => c.strategy))];
      for (const strategy of strategies) {
        if (this.interrupted) break;
        const group: LiveSandbox = { workload, cells: cells.filter((c) => c.strategy === strategy), sandbox: null };
        if (strategy === 'native' && workload.prime && !ctx.hostCacheDir) {
          setStatus(
            group.cells,
            'skipped',
            this.settings.hostNpm
              ? `the host could not prime its cache: ${lastLine(hostPrimingError ?? '')}`
              : `needs ${workload.hostRequirements.join(' and ')} on the host`,
          );
          continue;
        }
        this.listener.phase(ctx.platformName, `setting up ${workload.name} / ${strategy}`);
        try {
          group.sandbox = await createSandbox(ctx, strategy, workload, group.cells[0].id);
          live.push(group);
          this.live.add(group);
          await this.describeCells(group, record.identity!);
          if (workload.setup) {
            const setup = await group.sandbox.runner.run(workload.setup(group.sandbox.cacheDir));
            if (setup.exitCode !== 0) throw new Error(`the set-up step failed (exit ${setup.exitCode}): ${lastLine(setup.outputTail)}`);
          }
        } catch (error) {
          if (this.interrupted) break;
          setStatus(group.cells, 'failed', `could not set up: ${lastLine((error as Error).message)}`);
        }
      }

      await this.sample(live, dropper);
    } finally {
      if (live.length > 0) this.listener.phase(ctx.platformName, `removing the ${workload.name} sandboxes`);
      for (const l of live) {
        await l.sandbox?.dispose().catch(() => undefined);
        this.live.delete(l);
      }
    }
  }

  /** Record the mounts the project lives on and the node/npm versions inside the sandbox. */
  private async describeCells(live: LiveSandbox, identity: PlatformIdentity): Promise<void> {
    const { cells, sandbox, workload } = live;
    const strategy = cells[0].strategy;
    const text = await sandbox!.runner.mountinfo();
    const mounts: Cell['mounts'] = [];
    if (text && strategy !== 'native') {
      const entries = parseMountinfo(text);
      const targets = [sandbox!.projectDir, ...workload.dependencyDirs.map((d) => `${sandbox!.projectDir}/${d}`)];
      const seen = new Set<string>();
      for (const target of targets) {
        const entry = mountFor(entries, target);
        if (!entry || seen.has(entry.mountPoint)) continue;
        seen.add(entry.mountPoint);
        mounts.push({ target: entry.mountPoint, ...fileSharingOf(entry) });
      }
      if (strategy === 'bind') identity.fileSharing = fileSharingOf(mountFor(entries, sandbox!.projectDir));
    }
    const versions = await sandbox!.runner.run('node --version; npm --version');
    const [node, npm] = versions.outputTail.trim().split('\n');
    const runtime = { node: node?.trim() || null, npm: npm?.trim() || null };
    for (const cell of cells) Object.assign(cell, { mounts, runtime });
  }

  private async sample(live: LiveSandbox[], dropper: CacheDropper): Promise<void> {
    const perCell = this.settings.warmup + this.settings.runs;
    const order: Array<[LiveSandbox, number]> =
      this.settings.order === 'interleaved'
        ? Array.from({ length: perCell }, (_, i) => live.map((l) => [l, i] as [LiveSandbox, number])).flat()
        : live.flatMap((l) => Array.from({ length: perCell }, (_, i) => [l, i] as [LiveSandbox, number]));
    for (const [l, index] of order) {
      if (this.interrupted) return;
      if (l.cells.some((c) => c.status !== 'ok')) continue;
      await takeSample(l, index, {
        warmup: this.settings.warmup,
        samplesPerCell: perCell,
        dropper,
        listener: this.listener,
        interrupted: () => this.interrupted,
      });
    }
  }
}
