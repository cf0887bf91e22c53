// The execute step: walk the plan — platform, workload, sandbox — preparing each platform (image, file sharing,
// caches), building one sandbox per strategy and taking the samples in the plan's order, then tearing everything
// down, also on failure and Ctrl-C. It returns what it measured; summarising and reporting happen after it.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cell, PlatformIdentity, PlatformRecord, Priming, Stopping } from '../model/run-document.js';
import { strategyInfo } from '../model/strategies.js';
import { EngineNotAnsweringError } from '../docker/deadlines.js';
import { DirectoryNotSharedError } from '../platforms/not-shared.js';
import { lastLine } from '../util/text.js';
import type { Workload } from '../workloads/workload.js';
import { emptyCell, markInterrupted, markPlatformFailure, setStatus } from './cell-status.js';
import { CostMeter } from './cost.js';
import { addRecord, describeSandbox } from './describe.js';
import { ensureEngineSpace, type EngineTree } from './engine-space.js';
import { LOAD_READING_SECONDS, LoadWatch, type LoadWatchSettings } from './load-watch.js';
import { readMachineLoad } from './machine-load.js';
import type { PlatformEngine } from './engine.js';
import type { PlannedPlatform, PlannedWorkload, SampleOrder } from './plan.js';
import { primeOnHost } from './prime.js';
import type { ProgressListener } from './progress.js';
import type { LiveSandbox } from './sample.js';
import { SandboxUnavailableError } from './sandbox.js';
import { sampleSandboxes } from './sampling.js';
import type { Sampling } from './stop-rule.js';

export interface ExecutionSettings {
  runId: string;
  workDir: string;
  /** How many samples each cell takes: a fixed count, or until precise enough. */
  sampling: Sampling;
  warmup: number;
  /** null: the default image with its offline fallback. */
  image: string | null;
  order: SampleOrder;
  /** Host npm version, or null when the host cannot run the workload natively. */
  hostNpm: string | null;
  /** Read the machine's load before the first round (and wait for it with --quiet-wait); absent: never (stand-ins). */
  loadWatch?: LoadWatchSettings;
  /** The trees the run writes inside each engine: a platform whose disk cannot hold one is skipped before sampling. */
  engineTrees?: readonly EngineTree[];
}

/** A platform the run measures: found and identified by the discover step, reached through its engine. */
export interface PlatformTarget {
  name: string;
  identity: Omit<PlatformIdentity, 'fileSharing'>;
  engine: PlatformEngine;
}

export interface Execution {
  platforms: PlatformRecord[];
  cells: Cell[];
  priming: Priming[];
  /** Per platform and workload: which rule ended its sampling. */
  stopping: Stopping[];
  interrupted: boolean;
  /** What the reader should know about the run as a whole: what its clean-up could not remove. */
  notes: string[];
}

/** The host's cache for a workload: its directory, or why there is none. */
type HostCache = { dir: string | null; error: string | null };

export class Executor {
  private interrupted = false;
  private readonly live = new Set<LiveSandbox>();
  private readonly engines = new Set<PlatformEngine>();
  /** The execution under way and the platform in flight: what soFar() copies. */
  private current: Execution | null = null;
  private inFlight: PlatformRecord | null = null;

  constructor(
    private readonly settings: ExecutionSettings,
    private readonly listener: ProgressListener,
  ) {}

  /** Ctrl-C: stop the sample in flight; `execute` then cleans up and returns what was measured. */
  interrupt(): void {
    this.interrupted = true;
    for (const l of this.live) l.sandbox?.runner.abort();
    for (const engine of this.engines) engine.interrupt();
  }

  /** What was measured so far, as if the run had been interrupted now (a second Ctrl-C writes it and quits): a copy,
   * the platform in flight included, its unfinished cells marked cut short. Null before `execute`. */
  soFar(): Execution | null {
    if (!this.current) return null;
    const copy = structuredClone({ ...this.current, platforms: [...this.current.platforms, ...(this.inFlight ? [this.inFlight] : [])], interrupted: true });
    const finished = new Set(copy.stopping.filter((s) => s.rule !== 'interrupted').map((s) => `${s.platform}\0${s.workload}`));
    for (const c of copy.cells) if (c.status === 'ok' && !finished.has(`${c.platform}\0${c.workload}`)) Object.assign(c, { status: 'interrupted', reason: 'run stopped at once (a second signal)' });
    return copy;
  }

  async execute(targets: readonly PlatformTarget[], plan: readonly PlannedPlatform[]): Promise<Execution> {
    const execution: Execution = { platforms: [], cells: [], priming: [], stopping: [], interrupted: false, notes: [] };
    this.current = execution;
    const workloads = [...new Set(plan.flatMap((p) => p.workloads.map((w) => w.workload)))];
    const hostCaches = await this.prepareHost(workloads, execution.priming);

    for (const planned of plan) {
      const target = targets.find((t) => t.name === planned.name);
      if (!target) throw new Error(`the plan names a platform that was not found: ${planned.name}`);
      const cells = planned.workloads.flatMap((w) => w.sandboxes.flatMap((s) => s.cells.map((c) => emptyCell(c, w.workload))));
      execution.cells.push(...cells);
      if (this.interrupted) {
        execution.platforms.push({ name: planned.name, identity: null, image: null, error: 'run interrupted before this platform', cost: null });
        setStatus(cells, 'interrupted', 'run interrupted before this platform');
        this.listener.platformFinished(planned.name, 'interrupted');
        continue;
      }
      this.listener.platformStarted(planned.name);
      // Any other platform of the run may lend its image to this one.
      const donors = targets.filter((t) => t !== target).map((t) => t.engine);
      const record = await this.executePlatform(target, planned, cells, hostCaches, execution, donors);
      this.inFlight = null;
      execution.platforms.push(record);
      this.listener.platformFinished(planned.name, this.interrupted ? 'interrupted' : record.error);
    }
    execution.interrupted = this.interrupted;
    return execution;
  }

  /** Starting files generated and caches primed on the host, once per workload, untimed. */
  private async prepareHost(workloads: Workload[], priming: Priming[]): Promise<Map<Workload, HostCache>> {
    const caches = new Map<Workload, HostCache>();
    for (const workload of workloads) {
      if (this.interrupted) break;
      if (workload.prepare) {
        this.listener.phase('host', `generating the starting files of ${workload.name} (untimed)`);
        await workload.prepare();
      }
      if (!this.settings.hostNpm || !workload.prime) continue;
      this.listener.phase('host', `priming the ${workload.name} cache with the host npm (untimed)`);
      try {
        const primed = await primeOnHost(workload, join(this.settings.workDir, 'host', workload.name), this.settings.runId);
        caches.set(workload, { dir: primed.cacheDir, error: null });
        priming.push(primed.priming);
      } catch (error) {
        caches.set(workload, { dir: null, error: (error as Error).message });
      }
    }
    return caches;
  }

  private async executePlatform(
    target: PlatformTarget,
    planned: PlannedPlatform,
    cells: Cell[],
    hostCaches: Map<Workload, HostCache>,
    execution: Execution,
    donors: readonly PlatformEngine[],
  ): Promise<PlatformRecord> {
    const { name, engine } = target;
    const record: PlatformRecord = { name, identity: { ...target.identity, fileSharing: null }, image: null, error: null, cost: null };
    this.inFlight = record;
    this.engines.add(engine);
    let watch: LoadWatch | null = null;
    try {
      this.listener.phase(name, 'finding the image');
      const image = await engine.useImage(this.settings.image, donors);
      record.image = { ref: image.ref, id: image.id, note: image.note };
      if (image.note) this.listener.phase(name, image.note);
      // Recorded whatever the strategies: how this platform's bind mounts reach the host's files.
      this.listener.phase(name, 'probing its file sharing');
      const sharedDir = join(this.settings.workDir, name);
      await mkdir(sharedDir, { recursive: true });
      const crosses = planned.workloads.some((w) => w.sandboxes.some((s) => strategyInfo(s.strategy).throughFileSharing));
      record.identity!.fileSharing = await engine.fileSharing(sharedDir).catch((error: Error) => {
        // A run directory its VM does not share: the platform is skipped, before any sample, if a strategy needs it.
        if (error instanceof DirectoryNotSharedError && crosses) throw error;
        this.listener.phase(name, `the file-sharing probe failed: ${lastLine(error.message)}`);
        return null;
      });
      await ensureEngineSpace(name, engine, this.settings.engineTrees ?? [], this.listener);
      const meter = CostMeter.forPlatform(target.identity.kind, record.identity!.fileSharing?.mechanism ?? null, sharedDir, target.identity.endpoint);
      record.cost = meter.sources;
      const { loadWatch } = this.settings;
      const readHost = loadWatch?.readLoad ?? (() => readMachineLoad(meter, LOAD_READING_SECONDS));
      const readVm = engine.readVmLoad && (() => engine.readVmLoad!(LOAD_READING_SECONDS));
      watch = loadWatch ? new LoadWatch(name, readHost, this.listener, loadWatch, () => this.interrupted, readVm) : null;
      for (const w of planned.workloads) {
        if (this.interrupted) break;
        const byId = new Map(cells.map((c) => [c.id, c]));
        const stopping = await this.executeWorkload(target, w, byId, hostCaches.get(w.workload) ?? { dir: null, error: null }, execution.priming, meter, watch);
        if (stopping) execution.stopping.push(stopping);
      }
    } catch (error) {
      if (!this.interrupted) {
        const frozen = error instanceof EngineNotAnsweringError;
        record.error = frozen ? `the engine stopped answering (${(error as Error).message}); the rest of this platform was skipped` : (error as Error).message;
        markPlatformFailure(cells, execution.stopping, name, record.error, frozen);
      }
    } finally {
      execution.notes.push(...(watch?.notes() ?? []));
      this.listener.phase(name, 'cleaning up');
      execution.notes.push(...(await engine.cleanUp().catch((error: Error) => [`${name}: the clean-up failed: ${error.message}`])));
      this.engines.delete(engine);
    }
    if (this.interrupted) markInterrupted(cells, execution.stopping, name);
    return record;
  }

  /** One workload on one platform: prime its cache, build a sandbox per strategy, sample, tear down. Returns the
   * rule that ended its sampling (none when it never started). */
  private async executeWorkload(
    target: PlatformTarget,
    planned: PlannedWorkload,
    cellsById: Map<string, Cell>,
    hostCache: HostCache,
    priming: Priming[],
    meter: CostMeter,
    watch: LoadWatch | null,
  ): Promise<Stopping | null> {
    const { name, engine } = target;
    const { workload } = planned;
    const live: LiveSandbox[] = [];
    try {
      if (workload.prime) this.listener.phase(name, `priming the ${workload.name} cache on the platform (untimed)`);
      const primed = await engine.prime(workload, hostCache.dir);
      if (primed) priming.push(primed);

      for (const { strategy, cells: plannedCells } of planned.sandboxes) {
        if (this.interrupted) break;
        const group: LiveSandbox = { workload, strategy, cells: plannedCells.map((c) => cellsById.get(c.id)!), sandbox: null };
        if (strategyInfo(strategy).onHost && workload.prime && !hostCache.dir) {
          const reason = this.settings.hostNpm
            ? `the host could not prime its cache: ${lastLine(hostCache.error ?? '')}`
            : `needs ${workload.hostRequirements.join(' and ')} on the host`;
          setStatus(group.cells, 'skipped', reason);
          continue;
        }
        this.listener.phase(name, `setting up ${workload.name} / ${strategy}`);
        try {
          group.sandbox = await engine.openSandbox(strategy, workload, group.cells[0].id, hostCache.dir);
          live.push(group);
          this.live.add(group);
          await describeSandbox(group.sandbox, workload, group.cells);
          if (workload.setup) {
            const setup = await group.sandbox.runner.run(workload.setup(group.sandbox.cacheDir));
            if (setup.exitCode !== 0) throw new Error(`the set-up step failed (exit ${setup.exitCode}): ${lastLine(setup.outputTail)}`);
            await group.sandbox.settle?.();
          }
        } catch (error) {
          if (this.interrupted) break;
          if (error instanceof EngineNotAnsweringError) throw error;
          if (error instanceof SandboxUnavailableError) setStatus(group.cells, 'skipped', error.message);
          else setStatus(group.cells, 'failed', `could not set up: ${lastLine((error as Error).message)}`);
        }
      }
      // Interrupted while setting up: no rule ended this workload's sampling, and its cells are marked so.
      if (this.interrupted) return null;
      const stop = await sampleSandboxes(live, {
        sampling: this.settings.sampling,
        warmup: this.settings.warmup,
        order: this.settings.order,
        dropCaches: (strategy) => engine.dropCaches(strategy),
        meter,
        listener: this.listener,
        interrupted: () => this.interrupted,
        ...(watch ? { beforeRound: (budget: number | null) => watch.beforeRound(budget) } : {}),
      });
      return { platform: name, workload: workload.name, ...stop };
    } finally {
      if (live.length > 0) this.listener.phase(name, `removing the ${workload.name} sandboxes`);
      for (const l of live) {
        await l.sandbox?.dispose().catch(() => undefined);
        // Known in full once it is gone: what the sandbox did besides its samples (an engine's work and cost).
        const record = l.sandbox?.record?.();
        if (record) addRecord(l.cells, record);
        this.live.delete(l);
      }
    }
  }
}
