// The run pipeline: discover → plan → execute → summarise → write. It prints nothing and touches no process-wide
// state: whoever calls it (`mountbench run`, `advise --verify`, a test) shows its progress through the hooks, stops
// it through the signal, and decides what its outcome means.
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DockerEngine } from '../bench/docker-engine.js';
import { Executor, type Execution, type ExecutionSettings, type PlatformTarget } from '../bench/executor.js';
import { planRun } from '../bench/plan.js';
import type { ProgressListener, ProgressPlan } from '../bench/progress.js';
import { maxRuns } from '../bench/stop-rule.js';
import { CannotRunError, type ExitCode } from '../errors.js';
import type { RunDocument } from '../model/run-document.js';
import { defaultEnvironment, discoverEndpoints } from '../platforms/discover.js';
import { hostFacts } from '../platforms/host.js';
import { startHint } from '../platforms/kinds/catalog.js';
import { probeEndpoints } from '../platforms/probe.js';
import { selectEndpoints } from '../platforms/select.js';
import { appendHistory, historyEntry, historyPath } from '../results/history.js';
import { writeRunDirectory } from '../report/write-run-directory.js';
import { STRATEGIES } from '../strategies/registry.js';
import { STRATEGY_SECTIONS } from '../strategies/report-sections.js';
import { newRunId } from '../util/labels.js';
import { registerRun } from '../results/live-runs.js';
import { createWorkload } from '../workloads/catalog.js';
import { projectWorkload } from '../workloads/project.js';
import type { Workload } from '../workloads/workload.js';
import { debugTarget } from './debug-mode.js';
import { runDocument } from './document.js';
import { engineTrees } from './engine-trees.js';
import { checkFreeSpace, largestHostTree } from './free-space.js';
import { prepareRunDirectory } from './run-directory.js';
import type { RunOptions } from './options.js';

/** What the run is about to do, once its platforms are known. */
export interface RunIntro {
  runId: string;
  runDir: string;
  platforms: string[];
  workloads: Workload[];
  progress: ProgressPlan;
}

/** How the caller takes part in a run: its progress, its warnings, and a way to stop it. */
export interface RunHooks {
  /** Once the plan is known: the listener of the execute step. */
  begin(intro: RunIntro): ProgressListener;
  /** Runs beside the execute step (a live view) until the step has ended. */
  during?(execution: Promise<unknown>): Promise<void>;
  /** Something the user should know that does not stop the run. */
  warn(message: string): void;
  /** Aborted: stop sampling, remove what the run created, keep what was measured. */
  signal?: AbortSignal;
  /** Once sampling can begin: how to have the run document of what was measured so far, at any moment (for a
   * caller that must quit at once and still keep the samples). */
  started?(soFar: () => RunDocument | null): void;
}

export interface RunOutcome {
  doc: RunDocument;
  runDir: string;
  execution: Execution;
  /** What could not be written (the run document is still kept somewhere; each says where). */
  problems: string[];
  /** Every file written, by path; the run document's first. */
  written: string[];
  /** The exit code the problems call for (70 a bug, 73 an output that could not be created); null when none. */
  failure: ExitCode | null;
}

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** discover: every endpoint asked, once, who it is; the ones that answer are the run's platforms. */
async function discover(options: RunOptions, hooks: RunHooks, run: { runId: string; workDir: string }): Promise<PlatformTarget[]> {
  const endpoints = discoverEndpoints(defaultEnvironment(options.context ?? undefined));
  const wanted = selectEndpoints(endpoints, { names: options.platform ?? undefined, all: options.allPlatforms });
  const probed = await probeEndpoints(wanted);
  const reachable = probed.filter((p) => p.identity && p.docker);
  if (reachable.length === 0) {
    const tried = probed.map((p) => `  ${p.endpoint.name} (${p.endpoint.host}): ${p.unreachable}\n    to start it: ${startHint(p.endpoint)}`);
    throw new CannotRunError(`no Docker engine answers. Tried:\n${tried.join('\n')}\nmountbench platforms lists every endpoint found.`);
  }
  for (const p of probed.filter((p) => !p.identity)) hooks.warn(`skipping ${p.endpoint.name}: ${p.unreachable} (to start it: ${startHint(p.endpoint)})`);
  return reachable.map((p) => ({
    name: p.endpoint.name,
    identity: p.identity!,
    engine: new DockerEngine(p.docker!, p.identity!, { runId: run.runId, workDir: run.workDir, online: options.online, strategies: STRATEGIES, strategySettings: options.strategySettings }),
  }));
}

/** What the run is, before anything talks to Docker: its id, directories and workloads (bad input fails here). */
interface RunPlace {
  runId: string;
  runDir: string;
  workDir: string;
  startedAt: Date;
  started: bigint;
  workloads: Workload[];
}

function place(options: RunOptions): RunPlace {
  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const runDir = resolve(options.output ?? join('mountbench-results', runId));
  const workDir = join(runDir, '.work');
  const workloads = options.project
    ? [projectWorkload(options.project, { online: options.online })]
    : options.workloads.map((name) => createWorkload(name, { fixture: options.fixture, online: options.online, workDir, ...options.sizes }));
  return { runId, runDir, workDir, startedAt, started: process.hrtime.bigint(), workloads };
}

/** plan and execute: every platform's samples, then its clean-up; returns what was measured. */
async function execute(run: RunPlace, targets: PlatformTarget[], options: RunOptions, hooks: RunHooks, hostNpm: string | null, document: (execution: Execution) => RunDocument): Promise<Execution> {
  const platforms = targets.map((t) => t.name);
  const plan = planRun(platforms, options.strategies, run.workloads);
  await mkdir(run.workDir, { recursive: true });
  const settings: ExecutionSettings = {
    runId: run.runId,
    workDir: run.workDir,
    sampling: options.sampling,
    warmup: options.warmup,
    image: options.image,
    order: options.order,
    // The host's npm primes the cache for every platform when it can (its registry, proxy and CA settings apply).
    hostNpm,
    // Checked against each engine's disk once it answers: a project's own files have no size known in advance.
    engineTrees: options.project ? [] : engineTrees(options.workloads, options.strategies, options.sizes),
    // A stand-in platform runs nothing: there is no load of its own to tell apart from the machine's.
    ...(options.debugMode ? {} : { loadWatch: { quietWaitSeconds: options.quietWait ?? null } }),
  };
  const progress: ProgressPlan = {
    platforms,
    workloads: run.workloads.length,
    cellsPerPlatform: options.strategies.length * run.workloads.length,
    samplesPerCell: options.warmup + maxRuns(options.sampling),
    auto: options.sampling.kind === 'auto',
    warmup: options.warmup,
  };
  const executor = new Executor(settings, hooks.begin({ runId: run.runId, runDir: run.runDir, platforms, workloads: run.workloads, progress }));
  hooks.started?.(() => {
    const soFar = executor.soFar();
    return soFar && document(soFar);
  });
  const stop = () => executor.interrupt();
  if (hooks.signal?.aborted) stop();
  hooks.signal?.addEventListener('abort', stop, { once: true });
  try {
    const running = executor.execute(targets, plan);
    if (hooks.during) await Promise.all([hooks.during(running), running]);
    return await running;
  } finally {
    hooks.signal?.removeEventListener('abort', stop);
  }
}

export async function runPipeline(options: RunOptions, argv: string[], hooks: RunHooks): Promise<RunOutcome> {
  const run = place(options);
  checkFreeSpace(run.runDir, options.project ? null : largestHostTree(options.workloads, options.strategies, options.sizes));
  const targets = options.debugMode ? [debugTarget()] : await discover(options, hooks, run);
  // Made once an engine answers (nothing left behind when none does), and before any sample.
  const replacing = prepareRunDirectory(run.runDir, options.force);
  if (replacing) hooks.warn(replacing);
  // From here on the run writes on the host: it says so, so that `clean` leaves it alone while it lives.
  const ended = registerRun({ id: run.runId, startedAt: run.startedAt.toISOString(), workDir: run.workDir });
  try {
    const host = await hostFacts();
    // summarise: the document of what was measured, now or (a second Ctrl-C) at any moment before
    const document = (execution: Execution) =>
      runDocument(options, execution, { id: run.runId, argv, startedAt: run.startedAt, wallSeconds: secondsSince(run.started), host, workloads: run.workloads });
    const execution = await execute(run, targets, options, hooks, host.npm, document);
    const doc = document(execution);

    // write: the samples first, whatever happens next; the work copies go only once they are kept
    const saved = await writeRunDirectory(run.runDir, doc, { sections: STRATEGY_SECTIONS, madeBefore: true });
    await rm(run.workDir, { recursive: true, force: true }).catch((error: Error) =>
      hooks.warn(`could not remove the work copies in ${run.workDir} (${error.message}); remove them yourself, or run mountbench clean`),
    );
    if (options.history && saved.runFile) {
      // The history is a convenience: failing to record the run must not fail it.
      await appendHistory(historyPath(), historyEntry(saved.doc, saved.runFile)).catch((error: Error) =>
        hooks.warn(`could not record the run in the history (${historyPath()}): ${error.message}`),
      );
    }
    return { doc: saved.doc, runDir: run.runDir, execution, problems: saved.problems, written: saved.written, failure: saved.failure };
  } finally {
    ended();
  }
}
