// Live progress of a run: a listr2 task per platform on a terminal, plain lines on stderr otherwise (pipes, CI).
// listr2 redraws on stdout, so the live view is only used when stdout is a terminal too.
import { Listr, type ListrTaskWrapper } from 'listr2';
import type { ProgressListener, ProgressPlan } from '../bench/progress.js';
import type { Cell, Sample } from '../model/run-document.js';
import { durationText, figure } from '../report/format.js';
import { median } from '../stats/descriptive.js';

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Counts samples per platform to give elapsed time and an ETA. */
class PlatformClock {
  private startedAt = 0;
  private done = 0;
  constructor(private readonly total: number) {}
  start(): void {
    this.startedAt = Date.now();
  }
  tick(): void {
    this.done += 1;
  }
  elapsed(): number {
    return (Date.now() - this.startedAt) / 1000;
  }
  eta(): number | null {
    return this.done === 0 ? null : (this.elapsed() / this.done) * (this.total - this.done);
  }
}

/** "bind", or "files / bind" when the run has several workloads. */
function sandboxName(cell: Cell, plan: ProgressPlan): string {
  return plan.workloads > 1 ? `${cell.workload} / ${cell.strategy}` : cell.strategy;
}

/** "8", or "≤31" under --runs auto. */
function countText(plan: ProgressPlan): string {
  return `${plan.auto ? '≤' : ''}${plan.samplesPerCell}`;
}

function sampleText(cell: Cell, index: number, plan: ProgressPlan): string {
  const warm = index < plan.warmup ? ' (warm-up)' : '';
  return `${sandboxName(cell, plan)} sample ${index + 1}/${countText(plan)}${warm}`;
}

/** The sample's first figure: "0.41 s", "create 0.0812 s", or why there is none. */
function valueText(cell: Cell, sample: Sample): string {
  if (sample.value === null) return sample.exitCode === 0 ? 'no figure' : `failed (exit ${sample.exitCode})`;
  return `${cell.measure === 'time' ? '' : `${cell.measure} `}${figure(sample.value)} ${cell.metric.unit}`;
}

/** Plain lines for pipes and CI: one per phase and per sample. */
export class PlainProgress implements ProgressListener {
  private readonly clocks = new Map<string, PlatformClock>();
  constructor(
    private readonly plan: ProgressPlan,
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}
  platformStarted(platform: string): void {
    const clock = new PlatformClock(this.plan.cellsPerPlatform * this.plan.samplesPerCell);
    clock.start();
    this.clocks.set(platform, clock);
    this.write(`[${platform}] started`);
  }
  phase(platform: string, message: string): void {
    this.write(`[${platform}] ${message}`);
  }
  sampleStarted(): void {}
  sampleFinished(cell: Cell, sample: Sample): void {
    const clock = this.clocks.get(cell.platform);
    clock?.tick();
    const value = valueText(cell, sample);
    const eta = clock?.eta() ?? null;
    const timing = clock ? ` · elapsed ${durationText(clock.elapsed())}${eta !== null ? ` · ETA ${this.plan.auto ? '≤' : ''}${durationText(eta)}` : ''}` : '';
    this.write(`[${cell.platform}] ${sampleText(cell, sample.index, this.plan)}: ${value}${timing}`);
  }
  platformFinished(platform: string, error: string | null): void {
    this.write(`[${platform}] ${error ? `skipped: ${error}` : 'done'}`);
  }
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

type Task = ListrTaskWrapper<unknown, any, any>;

interface Slot {
  done: Deferred;
  /** The listr task while it runs; null before and after (listr2 throws on output to a finished task). */
  task: Task | null;
  title: string;
  lines: Map<string, string>;
  clock: PlatformClock;
  activity: string;
}

/** A listr2 view on stderr: one task per platform whose title shows the sample in flight, elapsed time and ETA. */
export class ListrProgress implements ProgressListener {
  private readonly slots = new Map<string, Slot>();
  private readonly listr: Listr;
  private ticker: NodeJS.Timeout | null = null;

  constructor(private readonly plan: ProgressPlan) {
    for (const name of ['host', ...plan.platforms]) {
      this.slots.set(name, {
        done: deferred(),
        task: null,
        title: name,
        lines: new Map(),
        clock: new PlatformClock(plan.cellsPerPlatform * plan.samplesPerCell),
        activity: 'waiting',
      });
    }
    this.listr = new Listr(
      [...this.slots.entries()].map(([name, slot]) => ({
        title: name,
        enabled: () => name !== 'host' || slot.activity !== 'waiting' || slot.lines.size > 0,
        task: async (_: unknown, task: Task) => {
          slot.task = task;
          this.render(name);
          try {
            await slot.done.promise;
          } finally {
            this.render(name);
            slot.task = null;
          }
        },
      })),
      {
        concurrent: false,
        exitOnError: false,
        registerSignalListeners: false,
        renderer: 'default',
        rendererOptions: { collapseSubtasks: false },
        fallbackRenderer: 'simple',
      },
    );
  }

  /** Start drawing; resolves when every platform has finished. */
  async run(): Promise<void> {
    this.ticker = setInterval(() => {
      for (const name of this.slots.keys()) this.render(name);
    }, 1000);
    try {
      await this.listr.run();
    } finally {
      if (this.ticker) clearInterval(this.ticker);
    }
  }

  private render(name: string): void {
    const slot = this.slots.get(name)!;
    if (!slot.task) return;
    const eta = slot.clock.eta();
    const timing = slot.activity === 'sampling' ? ` · elapsed ${clock(slot.clock.elapsed())}${eta !== null ? ` · ETA ${this.plan.auto ? '≤' : ''}${clock(eta)}` : ''}` : '';
    // One multi-line title: listr2 redraws titles in place, while task output is a log that accumulates.
    slot.task.title = [`${slot.title}${timing}`, ...(slot.activity === 'done' ? [] : [...slot.lines.values()].map((l) => `  ${l}`))].join('\n');
  }

  finishHost(): void {
    this.slots.get('host')?.done.resolve();
  }

  platformStarted(platform: string): void {
    this.finishHost();
    const slot = this.slots.get(platform)!;
    slot.activity = 'preparing';
    slot.clock.start();
  }
  phase(platform: string, message: string): void {
    const slot = this.slots.get(platform);
    if (!slot) return;
    if (platform === 'host') slot.activity = 'priming';
    slot.title = `${platform} · ${message}`;
    this.render(platform);
  }
  sampleStarted(cell: Cell, index: number): void {
    const slot = this.slots.get(cell.platform)!;
    slot.activity = 'sampling';
    slot.title = `${cell.platform} · ${sampleText(cell, index, this.plan)}`;
    this.render(cell.platform);
  }
  sampleFinished(cell: Cell, sample: Sample): void {
    const slot = this.slots.get(cell.platform)!;
    slot.clock.tick();
    const values = cell.samples.filter((s) => !s.warmup && s.value !== null).map((s) => s.value!);
    const soFar = values.length ? ` · median so far ${figure(median(values))}` : '';
    const name = sandboxName(cell, this.plan);
    // Only the workload in flight: earlier workloads' lines would pile up.
    for (const key of slot.lines.keys()) if (this.plan.workloads > 1 && !key.startsWith(`${cell.workload} /`)) slot.lines.delete(key);
    slot.lines.set(name, `${name.padEnd(this.plan.workloads > 1 ? 22 : 10)} ${sample.index + 1}/${countText(this.plan)} · last ${valueText(cell, sample)}${soFar}`);
    this.render(cell.platform);
  }
  platformFinished(platform: string, error: string | null): void {
    const slot = this.slots.get(platform)!;
    slot.activity = 'done';
    slot.title = platform;
    this.render(platform);
    if (error) slot.done.reject(new Error(`${platform}: ${error}`));
    else slot.done.resolve();
  }
}
