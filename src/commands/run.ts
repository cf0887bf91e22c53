// `mountbench run`: discover → plan → execute → summarise → report.
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pc from 'picocolors';
import { DockerEngine } from '../bench/docker-engine.js';
import { Executor, type ExecutionSettings, type PlatformTarget } from '../bench/executor.js';
import type { ProgressListener } from '../bench/progress.js';
import { planRun } from '../bench/plan.js';
import { maxRuns, type Sampling } from '../bench/stop-rule.js';
import { CannotRunError, EXIT } from '../errors.js';
import { defaultEnvironment, discoverEndpoints } from '../platforms/discover.js';
import { hostFacts } from '../platforms/host.js';
import { probeEndpoints } from '../platforms/probe.js';
import { selectEndpoints } from '../platforms/select.js';
import { startHint } from '../platforms/kinds/catalog.js';
import { durationText, overheadRatio, ratioText } from '../report/format.js';
import { renderTerminal } from '../report/terminal.js';
import type { RunDocument } from '../model/run-document.js';
import { appendHistory, historyEntry, historyPath } from '../results/history.js';
import { EXPORTERS } from '../report/exporters.js';
import { writeRunDirectory } from '../report/write-run-directory.js';
import { STRATEGY_SECTIONS } from '../strategies/report-sections.js';
import { viewOf } from '../results/view.js';
import { ListrProgress, PlainProgress, type ProgressPlan } from '../ui/progress.js';
import { newRunId } from '../util/labels.js';
import { createWorkload } from '../workloads/catalog.js';
import { projectWorkload } from '../workloads/project.js';
import type { Workload } from '../workloads/workload.js';
import { runDocument } from './run-document.js';
import type { RunOptions } from './run-options.js';

export type { RunOptions } from './run-options.js';

export interface RunOutcome {
  exitCode: number;
  runDir: string;
  doc: RunDocument;
}

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** "7 samples", "samples until ±5% (7 to 30)". */
function samplesText(sampling: Sampling): string {
  return sampling.kind === 'fixed'
    ? `${sampling.runs} samples`
    : `samples until ±${+(sampling.precision * 100).toFixed(2)}% (${sampling.minRuns} to ${sampling.maxRuns}${sampling.maxSeconds ? `, at most ${durationText(sampling.maxSeconds)}` : ''})`;
}

export async function runCommand(options: RunOptions, argv: string[]): Promise<RunOutcome> {
  const started = process.hrtime.bigint();
  const startedAt = new Date();

  const runId = newRunId(startedAt);
  const runDir = resolve(options.output ?? join('mountbench-results', runId));
  const workDir = join(runDir, '.work');

  // Bad input is reported before anything talks to Docker.
  const workloads: Workload[] = options.project
    ? [projectWorkload(options.project, { online: options.online })]
    : options.workloads.map((name) => createWorkload(name, { fixture: options.fixture, online: options.online, workDir, ...options.sizes }));

  // discover
  const endpoints = discoverEndpoints(defaultEnvironment(options.context ?? undefined));
  const wanted = selectEndpoints(endpoints, { names: options.platform ?? undefined, all: options.allPlatforms });
  // Each endpoint is asked who it is once; the engines found here are the ones the run measures.
  const probed = await probeEndpoints(wanted);
  const reachable = probed.filter((p) => p.identity);
  if (reachable.length === 0) {
    const tried = probed.map((p) => `  ${p.endpoint.name} (${p.endpoint.host}): ${p.unreachable}\n    to start it: ${startHint(p.endpoint)}`);
    throw new CannotRunError(`no Docker engine answers. Tried:\n${tried.join('\n')}\nmountbench platforms lists every endpoint found.`);
  }
  for (const p of probed.filter((p) => !p.identity)) {
    process.stderr.write(pc.yellow(`skipping ${p.endpoint.name}: ${p.unreachable} (to start it: ${startHint(p.endpoint)})\n`));
  }
  const targets: PlatformTarget[] = reachable.map((p) => ({
    name: p.endpoint.name,
    identity: p.identity!,
    engine: new DockerEngine(p.docker!, p.identity!, { runId, workDir, online: options.online, sync: options.sync }),
  }));
  const platformNames = targets.map((t) => t.name);

  // plan
  const plan = planRun(platformNames, options.strategies, workloads);
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
  process.stderr.write(
    `${pc.bold('mountbench run')} ${runId}: ${workloads.map((w) => w.description).join('; ')}\n` +
      `  ${platformNames.join(', ')} × ${options.strategies.join(', ')}; ${options.warmup} warm-up + ${samplesText(options.sampling)} each\n` +
      `  results: ${runDir}\n`,
  );

  // execute
  const progressPlan: ProgressPlan = {
    platforms: platformNames,
    workloads: workloads.length,
    cellsPerPlatform: options.strategies.length * workloads.length,
    samplesPerCell: options.warmup + maxRuns(options.sampling),
    auto: options.sampling.kind === 'auto',
    warmup: options.warmup,
  };
  const useTty = options.progress === 'tty' || (options.progress === 'auto' && process.stdout.isTTY && process.stderr.isTTY && !process.env.CI);
  const listr = useTty ? new ListrProgress(progressPlan) : null;
  const listener: ProgressListener = listr ?? new PlainProgress(progressPlan);
  const executor = new Executor(settings, listener);
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts === 1) {
      process.stderr.write(pc.yellow('\ninterrupted: stopping, removing containers and volumes, keeping what was measured (Ctrl-C again to quit at once)\n'));
      executor.interrupt();
    } else {
      process.exit(EXIT.interrupted);
    }
  };
  // A bug must not leave containers behind: stop the run the way Ctrl-C does, so it still cleans up and writes.
  let crashed = false;
  const onCrash = (error: Error) => {
    crashed = true;
    process.stderr.write(pc.red(`\nmountbench: unexpected error: ${error.stack ?? error.message}\nstopping and cleaning up; please report this\n`));
    executor.interrupt();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  process.on('uncaughtException', onCrash);
  let execution;
  try {
    const running = executor.execute(targets, plan);
    if (listr) await Promise.all([listr.run(), running.finally(() => listr.finishHost())]);
    execution = await running;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    process.off('uncaughtException', onCrash);
    await rm(workDir, { recursive: true, force: true });
  }

  // summarise
  const doc = runDocument(options, execution, { id: runId, argv, startedAt, wallSeconds: secondsSince(started), host, workloads });
  const measured = doc.cells.some((c) => c.summary);
  const failed = doc.cells.filter((c) => c.status === 'failed');

  // report: whatever happens here, the samples are written
  const saved = await writeRunDirectory(runDir, doc, { sections: STRATEGY_SECTIONS });
  (options.tableStream ?? process.stdout).write(`\n${renderTerminal(viewOf([saved.doc]))}`);
  for (const problem of saved.problems) process.stderr.write(pc.red(`${problem}\n`));
  if (options.history && saved.problems.length === 0) {
    // The history is a convenience: failing to record the run must not fail it.
    await appendHistory(historyPath(), historyEntry(saved.doc, join(runDir, 'run.json'))).catch((error: Error) =>
      process.stderr.write(pc.yellow(`could not record the run in the history (${historyPath()}): ${error.message}\n`)),
    );
  }
  const overhead = overheadRatio(doc);
  process.stderr.write(
    `\n${pc.bold('wrote')} ${runDir}/{${EXPORTERS.flatMap((e) => (e.fileName ? [e.fileName] : [])).join(',')}}` +
      (overhead ? pc.dim(` · run overhead ${ratioText(overhead)} of measured time`) : '') +
      '\n',
  );
  const exitCode = crashed || saved.problems.length > 0
    ? EXIT.internal
    : execution.interrupted
    ? EXIT.interrupted
    : !measured
      ? EXIT.cannotRun
      : failed.length > 0
        ? EXIT.cellsFailed
        : EXIT.ok;
  if (!measured && !execution.interrupted) {
    const reasons = execution.platforms.filter((p) => p.error).map((p) => `  ${p.name}: ${p.error}`);
    process.stderr.write(pc.red(`nothing was measured.\n${reasons.join('\n')}\n`));
  }
  return { exitCode, runDir, doc };
}
