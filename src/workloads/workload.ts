// A workload: the files it starts from, an untimed set-up once per sandbox and reset before each sample, the timed
// steps of a sample, and the figures (measures) read from them. Each measure becomes a cell of its own per platform
// and strategy, so a workload that reports cold and warm passes, or MB/s and seconds, needs no special report.
import { fileURLToPath } from 'node:url';
import type { Metric } from '../model/run-document.js';
import { shellQuote } from '../util/shell.js';

export interface WorkloadOptions {
  fixture: string;
  online: boolean;
}

/** What a timed step gave: its wall time and the figures its command printed (see fixtures/scripts/values.cjs). */
export interface StepReading {
  wallSeconds: number;
  values: Record<string, unknown>;
  /** How the figures were taken, when strategies cannot all take them the same way (see WATCH_METHODS). */
  method?: { name: string; note: string | null };
}

/** A watch step. To the sandbox: a watcher runs in the sandbox while files appear in `dir`, written from the host
 * side when the project has one (every strategy with a host side) and by the watcher itself otherwise (container,
 * volume). To the host: files written in the sandbox, watched for on the host side (none without one). */
export interface WatchSpec {
  direction: 'to-sandbox' | 'to-host';
  /** Directory, relative to the project, that is watched and written to. */
  dir: string;
  events: number;
  intervalMs: number;
  graceMs: number;
  /** The watcher (prints READY, then "SEEN <i>" per file in external mode), or in emit mode the writer (prints
   * "WROTE <i>" per file); see fixtures/scripts/watch.cjs. */
  command(mode: 'external' | 'internal' | 'emit'): string;
}

export interface TimedStep {
  name: string;
  command(cacheDir: string): string;
  /** Drop the page caches (host and the engine's kernel) untimed right before this step: a cold pass. */
  cold?: boolean;
}

export interface WatchStep {
  name: string;
  watch: WatchSpec;
}

export type Step = TimedStep | WatchStep;

export interface Measure {
  /** Short name shown after the workload's ("cold", "write"); "time" for a workload's single measure. */
  key: string;
  metric: Metric;
  /** The step whose exit code, wall time and CPU the measure's samples record. */
  step: string;
  /** The figure, from the step's reading; null when the step did not give it. */
  read(reading: StepReading): number | null;
  /** Set when a missing figure is a finding, not a failure; says why it can be missing (e.g. no event arrived). */
  mayBeMissing?: string;
}

export interface Workload {
  name: string;
  description: string;
  /** Host directory holding the files the workload starts from (copied, never modified). */
  fixtureDir: string;
  /** Write generated starting files into fixtureDir (once per run, on the host, untimed). */
  prepare?(): Promise<void>;
  /** Top-level entries of fixtureDir not to copy (the dependency dirs the command rebuilds). */
  copyExclude: string[];
  /** Relative directories the command fills; `hybrid` mounts a named volume on each. */
  dependencyDirs: string[];
  /** Untimed shell command run once in each new sandbox (e.g. install before a build); null: none. */
  setup: ((cacheDir: string) => string) | null;
  /** The timed steps of one sample, in order. */
  steps: Step[];
  measures: Measure[];
  /** Shell command run untimed before every sample, to put the project back to its starting state. */
  reset: string;
  /** Shell command that fills `cacheDir` from the network (run once per platform, untimed); null: nothing to prime. */
  prime: ((cacheDir: string) => string) | null;
  /** Host programs the native strategy needs. */
  hostRequirements: string[];
  /** Set by workloads that talk to a registry: true when their samples run without it (no --online), so that a
   * sample failing for want of the network says so. */
  offline?: boolean;
  /** What the reader of the run should know about its starting files (a link out of the project, not followed). */
  notes?: string[];
}

/** The measure a cell of this workload holds. */
export function measureOf(workload: Workload, key: string): Measure {
  const measure = workload.measures.find((m) => m.key === key);
  if (!measure) throw new Error(`the ${workload.name} workload has no measure "${key}"`);
  return measure;
}

export const SECONDS: Metric = { name: 'time', unit: 's', lowerIsBetter: true };
export const MB_PER_SECOND: Metric = { name: 'throughput', unit: 'MB/s', lowerIsBetter: false };
export const MILLISECONDS: Metric = { name: 'latency', unit: 'ms', lowerIsBetter: true };
export const PERCENT: Metric = { name: 'missed', unit: '%', lowerIsBetter: true };

/** The common case: one step, timed as a whole by the harness. */
export function wallTime(step: string, key = 'time'): Measure {
  return { key, metric: SECONDS, step, read: (r) => r.wallSeconds };
}

/** A figure the step's command printed itself (timed inside the script, without the interpreter's start-up). */
export function printed(step: string, key: string, value: string, metric: Metric = SECONDS): Measure {
  return {
    key,
    metric,
    step,
    read: (r) => (typeof r.values[value] === 'number' && Number.isFinite(r.values[value]) ? (r.values[value] as number) : null),
  };
}

/** The workload scripts shipped in fixtures/scripts, copied into generated fixtures as `.mountbench/`. */
export const SCRIPTS_DIR = fileURLToPath(new URL('../../fixtures/scripts', import.meta.url));
export const SCRIPTS_IN_PROJECT = '.mountbench';

/** Empty each directory, then remove it where that is allowed. Fails when the emptying fails: a reset that leaves
 * files behind would have the next sample start from them. Only `rmdir` may fail quietly: under hybrid the
 * directory is a volume's mount point. */
export function emptyDirectories(dirs: string[]): string {
  if (dirs.length === 0) return 'true';
  return dirs
    .map(shellQuote)
    .map((d) => `if [ -d ${d} ]; then find ${d} -mindepth 1 -maxdepth 1 -exec rm -rf {} + && { rmdir ${d} 2>/dev/null || true; }; fi`)
    .join(' && ');
}
