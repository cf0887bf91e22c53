// `mountbench run`: discover → plan → execute → summarise → report.
import { mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import pc from 'picocolors';
import { DockerEngine } from '../bench/docker-engine.js';
import { Executor, type ExecutionSettings, type PlatformTarget, type ProgressListener } from '../bench/executor.js';
import { planRun } from '../bench/plan.js';
import { timedSeconds } from '../bench/timed-seconds.js';
import { CannotRunError, EXIT } from '../errors.js';
import { defaultEnvironment, discoverEndpoints } from '../platforms/discover.js';
import { hostFacts } from '../platforms/host.js';
import { probeEndpoints } from '../platforms/probe.js';
import { selectEndpoints } from '../platforms/select.js';
import { startHint } from '../platforms/kinds/catalog.js';
import { EXPORTERS } from '../report/exporters.js';
import { overheadRatio, ratioText } from '../report/format.js';
import { renderTerminal } from '../report/terminal.js';
import { SCHEMA_VERSION, type RunDocument } from '../results/schema.js';
import { writeAtomically, writeRunDocument } from '../results/store.js';
import { viewOf } from '../results/view.js';
import { summariseCells } from '../stats/summarise-cells.js';
import { ListrProgress, PlainProgress, type ProgressPlan } from '../ui/progress.js';
import { newRunId } from '../util/labels.js';
import { TOOL_VERSION } from '../version.js';
import { createWorkload } from '../workloads/catalog.js';
import { projectWorkload } from '../workloads/project.js';
import type { Workload } from '../workloads/workload.js';
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

async function writeRunDirectory(runDir: string, doc: RunDocument): Promise<void> {
  await writeRunDocument(join(runDir, 'run.json'), doc);
  for (const exporter of EXPORTERS) {
    if (exporter.fileName && exporter.format !== 'json') await writeAtomically(join(runDir, exporter.fileName), exporter.render(viewOf([doc])));
  }
}

export async function runCommand(options: RunOptions, argv: string[]): Promise<RunOutcome> {
  const started = process.hrtime.bigint();
  const startedAt = new Date();

  const runId = newRunId(startedAt);
  const runDir = resolve(options.output ?? join('mountbench-results', runId));
  const workDir = join(runDir, '.work');

  // Bad input is reported before anything talks to Docker.
  const workloads: Workload[] = options.project
    ? [projectWorkload(options.project)]
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
    engine: new DockerEngine(p.docker!, p.identity!, { runId, workDir, online: options.online }),
  }));
  const platformNames = targets.map((t) => t.name);

  // plan
  const plan = planRun(platformNames, options.strategies, workloads);
  const host = await hostFacts();
  await mkdir(workDir, { recursive: true });

  const settings: ExecutionSettings = {
    runId,
    workDir,
    runs: options.runs,
    warmup: options.warmup,
    image: options.image,
    order: options.order,
    // The host's npm primes the cache for every platform when it can (its registry, proxy and CA settings apply).
    hostNpm: host.npm,
  };
  process.stderr.write(
    `${pc.bold('mountbench run')} ${runId}: ${workloads.map((w) => w.description).join('; ')}\n` +
      `  ${platformNames.join(', ')} × ${options.strategies.join(', ')}; ${options.warmup} warm-up + ${options.runs} samples each\n` +
      `  results: ${runDir}\n`,
  );

  // execute
  const progressPlan: ProgressPlan = {
    platforms: platformNames,
    workloads: workloads.length,
    cellsPerPlatform: options.strategies.length * workloads.length,
    samplesPerCell: options.warmup + options.runs,
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
  const cells = summariseCells(execution.cells, options.seed);
  const sampledSeconds = timedSeconds(cells, workloads);
  const primingSeconds = execution.priming.reduce((sum, p) => sum + p.seconds, 0);
  const failed = cells.filter((c) => c.status === 'failed');
  const measured = cells.some((c) => c.summary);
  const status = execution.interrupted ? 'interrupted' : measured ? 'complete' : 'failed';
  const doc: RunDocument = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'mountbench', version: TOOL_VERSION },
    id: runId,
    command: argv,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    status,
    statusReason: execution.interrupted
      ? 'interrupted by a signal (Ctrl-C)'
      : measured
        ? failed.length > 0
          ? `${failed.length} cell(s) failed`
          : null
        : 'no cell produced a measurement',
    settings: {
      workloads: workloads.map((w) => w.name),
      fixture: options.project ? `project ${basename(resolve(options.project.dir))}` : options.fixture,
      sizes: options.project ? {} : { ...options.sizes },
      strategies: options.strategies,
      runs: options.runs,
      warmup: options.warmup,
      image: options.image ?? 'default',
      online: options.online,
      order: options.order,
      seed: options.seed,
    },
    host,
    platforms: execution.platforms,
    priming: execution.priming,
    cells,
    timing: { wallSeconds: secondsSince(started), sampledSeconds, primingSeconds },
  };

  // report
  await writeRunDirectory(runDir, doc);
  process.stdout.write(`\n${renderTerminal(viewOf([doc]))}`);
  const overhead = overheadRatio(doc);
  process.stderr.write(
    `\n${pc.bold('wrote')} ${runDir}/{run.json,results.md,results.csv,samples.csv,chart.svg}` +
      (overhead ? pc.dim(` · run overhead ${ratioText(overhead)} of measured time`) : '') +
      '\n',
  );
  const exitCode = crashed
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
