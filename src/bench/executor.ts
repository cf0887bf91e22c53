// The execute step: for each platform, prepare it (identify, image, caches), build one sandbox per cell, take the
// samples (interleaved across cells by default, to cancel drift), and tear everything down, also on failure and
// Ctrl-C. It returns what it measured; summarising and reporting happen after it.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import type { Endpoint } from '../platforms/endpoint.js';
import { probeEndpoint } from '../platforms/probe.js';
import { fileSharingOf, mountFor, parseMountinfo } from '../platforms/mountinfo.js';
import type { Cell, PlatformIdentity, Priming, RunDocument, Sample } from '../results/schema.js';
import type { Workload } from '../workloads/workload.js';
import { removeLabelled } from './cleanup.js';
import { resolveImage } from './image.js';
import { objectName } from '../util/labels.js';
import type { PlannedCell } from './plan.js';
import { primeOnHost, primePlatform } from './prime.js';
import { createSandbox, type PlatformContext, type Sandbox } from './sandbox.js';

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

interface LiveCell {
  cell: Cell;
  sandbox: Sandbox | null;
}

function emptyCell(planned: PlannedCell, workload: Workload): Cell {
  return {
    id: planned.id,
    platform: planned.platform,
    strategy: planned.strategy,
    workload: workload.name,
    metric: workload.metric,
    status: 'ok',
    reason: null,
    mounts: [],
    runtime: null,
    samples: [],
    summary: null,
    ratioToNative: null,
  };
}

function firstLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? '';
}

export class Executor {
  private interrupted = false;
  private readonly live = new Set<LiveCell>();
  private readonly dockers = new Set<Docker>();

  constructor(
    private readonly settings: ExecutionSettings,
    private readonly workload: Workload,
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
    let hostCacheDir: string | null = null;
    let hostPrimingError: string | null = null;
    if (this.settings.hostNpm && this.workload.prime) {
      this.listener.phase('host', 'priming the npm cache with the host npm (untimed)');
      try {
        const primed = await primeOnHost(this.workload, join(this.settings.workDir, 'host'));
        hostCacheDir = primed.cacheDir;
        execution.priming.push(primed.priming);
      } catch (error) {
        hostPrimingError = (error as Error).message;
      }
    }

    for (const endpoint of endpoints) {
      const planned = plan.filter((p) => p.platform === endpoint.name);
      const cells = planned.map((p) => emptyCell(p, this.workload));
      execution.cells.push(...cells);
      if (this.interrupted) {
        execution.platforms.push({ name: endpoint.name, identity: null, image: null, error: 'run interrupted before this platform' });
        for (const c of cells) Object.assign(c, { status: 'interrupted', reason: 'run interrupted before this platform' });
        this.listener.platformFinished(endpoint.name, 'interrupted');
        continue;
      }
      this.listener.platformStarted(endpoint.name);
      const record = await this.executePlatform(endpoint, cells, hostCacheDir, hostPrimingError, execution.priming);
      execution.platforms.push(record);
      this.listener.platformFinished(endpoint.name, this.interrupted ? 'interrupted' : record.error);
    }
    execution.interrupted = this.interrupted;
    return execution;
  }

  private async executePlatform(
    endpoint: Endpoint,
    cells: Cell[],
    hostCacheDir: string | null,
    hostPrimingError: string | null,
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

    const live: LiveCell[] = [];
    try {
      this.listener.phase(endpoint.name, 'finding the image');
      const image = await resolveImage(docker, this.settings.image);
      record.image = { ref: image.ref, id: image.id };
      if (image.note) this.listener.phase(endpoint.name, image.note);

      const ctx: PlatformContext = {
        runId: this.settings.runId,
        platformName: endpoint.name,
        docker,
        image: image.ref,
        online: this.settings.online,
        cacheVolume: objectName(this.settings.runId, endpoint.name, 'cache'),
        hostWorkDir: join(this.settings.workDir, endpoint.name),
        hostCacheDir,
      };
      await mkdir(ctx.hostWorkDir, { recursive: true });
      if (this.interrupted) return skipAll('run interrupted');

      if (this.workload.prime) this.listener.phase(endpoint.name, 'priming the cache on the platform (untimed)');
      const primed = await primePlatform(ctx, this.workload);
      if (primed) priming.push(primed);

      for (const cell of cells) {
        if (this.interrupted) break;
        const liveCell: LiveCell = { cell, sandbox: null };
        if (cell.strategy === 'native' && this.workload.prime && !hostCacheDir) {
          cell.status = 'skipped';
          cell.reason = this.settings.hostNpm
            ? `the host could not prime its cache: ${firstLine(hostPrimingError ?? '')}`
            : `needs ${this.workload.hostRequirements.join(' and ')} on the host`;
          continue;
        }
        this.listener.phase(endpoint.name, `setting up ${cell.strategy}`);
        try {
          liveCell.sandbox = await createSandbox(ctx, cell.strategy, this.workload, cell.id);
          live.push(liveCell);
          this.live.add(liveCell);
          await this.describeCell(liveCell, record.identity!);
        } catch (error) {
          cell.status = 'failed';
          cell.reason = `could not set up: ${(error as Error).message}`;
        }
      }

      await this.sample(live);
    } catch (error) {
      if (!this.interrupted) skipAll((error as Error).message);
    } finally {
      this.listener.phase(endpoint.name, 'cleaning up');
      for (const l of live) {
        await l.sandbox?.dispose().catch(() => undefined);
        this.live.delete(l);
      }
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

  /** Record the mounts the project lives on and the node/npm versions inside the sandbox. */
  private async describeCell(live: LiveCell, identity: PlatformIdentity): Promise<void> {
    const { cell, sandbox } = live;
    const text = await sandbox!.runner.mountinfo();
    if (text && cell.strategy !== 'native') {
      const entries = parseMountinfo(text);
      const targets = [sandbox!.projectDir, ...this.workload.dependencyDirs.map((d) => `${sandbox!.projectDir}/${d}`)];
      const seen = new Set<string>();
      for (const target of targets) {
        const entry = mountFor(entries, target);
        if (!entry || seen.has(entry.mountPoint)) continue;
        seen.add(entry.mountPoint);
        cell.mounts.push({ target: entry.mountPoint, ...fileSharingOf(entry) });
      }
      if (cell.strategy === 'bind') identity.fileSharing = fileSharingOf(mountFor(entries, sandbox!.projectDir));
    }
    const versions = await sandbox!.runner.run('node --version; npm --version');
    const [node, npm] = versions.outputTail.trim().split('\n');
    cell.runtime = { node: node?.trim() || null, npm: npm?.trim() || null };
  }

  private async sample(live: LiveCell[]): Promise<void> {
    const perCell = this.settings.warmup + this.settings.runs;
    const order: Array<[LiveCell, number]> =
      this.settings.order === 'interleaved'
        ? Array.from({ length: perCell }, (_, i) => live.map((l) => [l, i] as [LiveCell, number])).flat()
        : live.flatMap((l) => Array.from({ length: perCell }, (_, i) => [l, i] as [LiveCell, number]));
    for (const [l, index] of order) {
      if (this.interrupted) return;
      if (l.cell.status !== 'ok') continue;
      await this.takeSample(l, index, perCell);
    }
  }

  private async takeSample(l: LiveCell, index: number, perCell: number): Promise<void> {
    const { cell, sandbox } = l;
    const warmup = index < this.settings.warmup;
    try {
      const reset = await sandbox!.runner.run(this.workload.reset);
      if (reset.exitCode !== 0) throw new Error(`the reset step failed (exit ${reset.exitCode}): ${firstLine(reset.outputTail)}`);
      this.listener.sampleStarted(cell, index, perCell);
      const startedAt = new Date().toISOString();
      const result = await sandbox!.runner.run(this.workload.command(sandbox!.cacheDir));
      const ok = result.exitCode === 0;
      const sample: Sample = {
        index,
        warmup,
        startedAt,
        value: ok ? result.wallSeconds : null,
        wallSeconds: result.wallSeconds,
        exitCode: result.exitCode,
        cpuUserSeconds: result.cpuUserSeconds,
        cpuSystemSeconds: result.cpuSystemSeconds,
        ...(ok ? {} : { outputTail: result.outputTail }),
      };
      cell.samples.push(sample);
      if (!ok) {
        cell.status = 'failed';
        cell.reason = `sample ${index + 1} exited with ${result.exitCode}: ${firstLine(result.outputTail)}`;
      }
      this.listener.sampleFinished(cell, sample);
    } catch (error) {
      if (this.interrupted) return;
      cell.status = 'failed';
      cell.reason = `sample ${index + 1} could not run: ${firstLine((error as Error).message)}`;
    }
  }
}

