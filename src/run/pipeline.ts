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
import { CannotRunError } from '../errors.js';
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
import { createWorkload } from '../workloads/catalog.js';
import { projectWorkload } from '../workloads/project.js';
import type { Workload } from '../workloads/workload.js';
import { debugTarget } from './debug-mode.js';
import { runDocument } from './document.js';
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
}

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** discover: every endpoint asked, once, who it is; the ones that answer are the run's platforms. */
async function discover(options: RunOptions, hooks: RunHooks, settings: { runId: string; workDir: string }): Promise<PlatformTarget[]> {
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
    engine: new DockerEngine(p.docker!, p.identity!, { ...settings, online: options.online, strategies: STRATEGIES, strategySettings: options.strategySettings }),
  }));
}

export async function runPipeline(options: RunOptions, argv: string[], hooks: RunHooks): Promise<RunOutcome> {
  const started = process.hrtime.bigint();
  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const runDir = resolve(options.output ?? join('mountbench-results', runId));
  const workDir = join(runDir, '.work');

  // Bad input is reported before anything talks to Docker.
  const workloads: Workload[] = options.project
    ? [projectWorkload(options.project, { online: options.online })]
    : options.workloads.map((name) => createWorkload(name, { fixture: options.fixture, online: options.online, workDir, ...options.sizes }));

  const targets = options.debugMode ? [debugTarget()] : await discover(options, hooks, { runId, workDir });
  const platforms = targets.map((t) => t.name);

  // plan
  const plan = planRun(platforms, options.strategies, workloads);
  const host = await hostFacts();
  await mkdir(workDir, { recursive: true });
  const settings: ExecutionSettings = {
    runId,
    workDir,
    sampling: options.sampling,
    warmup: options.warmup,
    image: options.image,
    order: options.order,
    // The host's npm primes the cache for every platform when it can (its registry, proxy and CA settings apply).
    hostNpm: host.npm,
  };
  const progress: ProgressPlan = {
    platforms,
    workloads: workloads.length,
    cellsPerPlatform: options.strategies.length * workloads.length,
    samplesPerCell: options.warmup + maxRuns(options.sampling),
    auto: options.sampling.kind === 'auto',
    warmup: options.warmup,
  };

  // execute
  const executor = new Executor(settings, hooks.begin({ runId, runDir, platforms, workloads, progress }));
  hooks.started?.(() => {
    const execution = executor.soFar();
    return execution && runDocument(options, execution, { id: runId, argv, startedAt, wallSeconds: secondsSince(started), host, workloads });
  });
  const stop = () => executor.interrupt();
  if (hooks.signal?.aborted) stop();
  hooks.signal?.addEventListener('abort', stop, { once: true });
  let execution: Execution;
  try {
    const running = executor.execute(targets, plan);
    if (hooks.during) await Promise.all([hooks.during(running), running]);
    execution = await running;
  } finally {
    hooks.signal?.removeEventListener('abort', stop);
    await rm(workDir, { recursive: true, force: true }).catch((error: Error) => hooks.warn(`could not remove the work copies in ${workDir}: ${error.message}`));
  }

  // summarise
  const doc = runDocument(options, execution, { id: runId, argv, startedAt, wallSeconds: secondsSince(started), host, workloads });

  // write: whatever happens here, the samples are kept
  const saved = await writeRunDirectory(runDir, doc, { sections: STRATEGY_SECTIONS });
  if (options.history && saved.problems.length === 0) {
    // The history is a convenience: failing to record the run must not fail it.
    await appendHistory(historyPath(), historyEntry(saved.doc, join(runDir, 'run.json'))).catch((error: Error) =>
      hooks.warn(`could not record the run in the history (${historyPath()}): ${error.message}`),
    );
  }
  return { doc: saved.doc, runDir, execution, problems: saved.problems };
}
