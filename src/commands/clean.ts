// `mountbench clean`: remove what crashed runs left behind (a crash, a killed process) on the engines it can reach,
// and what their strategies left outside the engines — never what a live run owns: each object names the process
// and the machine of its run, and a run whose process still lives is left, and listed.
import { existsSync, rmSync } from 'node:fs';
import pc from 'picocolors';
import { CAN_FIND_RUN_PROCESSES, endRunProcesses, findOrphanedRunProcesses } from '../bench/run-processes.js';
import { removeLeftovers } from '../docker/cleanup.js';
import { EXIT, UsageError } from '../errors.js';
import { defaultEnvironment, discoverEndpoints } from '../platforms/discover.js';
import { probeEndpoints } from '../platforms/probe.js';
import { selectEndpoints } from '../platforms/select.js';
import { STRATEGIES } from '../strategies/registry.js';
import { forgetRun, registeredRuns } from '../results/live-runs.js';
import { safeText } from '../util/safe-text.js';

export interface CleanOptions {
  context: string | null;
  run: string | null;
  /** Only these engines (names from `mountbench platforms`); null: every one found. */
  platforms: string[] | null;
  dryRun: boolean;
}

export async function cleanCommand(options: CleanOptions): Promise<number> {
  if (options.run !== null && options.run.trim() === '') throw new UsageError('--run needs a run id (mountbench history lists them); without --run, clean removes every crashed run\'s leftovers');
  const endpoints = discoverEndpoints(defaultEnvironment(options.context ?? undefined));
  const wanted = options.platforms ? selectEndpoints(endpoints, { names: options.platforms, all: false }) : endpoints;
  const probed = await probeEndpoints(wanted);
  const verb = options.dryRun ? 'would remove' : 'removed';
  let reachable = 0;
  let failures = 0;
  for (const p of probed) {
    if (!p.docker) continue;
    reachable += 1;
    const { removed, kept, failed } = await removeLeftovers(p.docker, { runId: options.run, dryRun: options.dryRun });
    const nothing = removed.containers + removed.volumes === 0;
    process.stdout.write(`${p.endpoint.name}: ${verb} ${removed.containers} container(s) and ${removed.volumes} volume(s)${nothing ? pc.dim(' (nothing left behind)') : ''}\n`);
    for (const k of kept) process.stdout.write(pc.dim(`  left run ${k.run}: ${k.why}\n`));
    for (const f of failed) process.stderr.write(pc.red(`  could not remove ${f}\n`));
    failures += failed.length;
  }
  // On the host: the work copies of crashed runs, and what strategies leave outside the engines (relay
  // directories, an engine's sessions in a daemon of its own), engine or not; a live run's are its own.
  const runs = registeredRuns();
  const live = new Set(runs.filter((r) => r.live).map((r) => r.id));
  for (const run of runs.filter((r) => !r.live && (!options.run || r.id === options.run))) {
    if (existsSync(run.workDir)) process.stdout.write(`host: ${verb} the work copies of crashed run ${run.id} (${run.workDir})\n`);
    if (options.dryRun) continue;
    rmSync(run.workDir, { recursive: true, force: true });
    forgetRun(run.id);
  }
  for (const run of runs.filter((r) => r.live && (!options.run || r.id === options.run))) process.stdout.write(pc.dim(`host: left run ${run.id}: still running (process ${run.pid})\n`));
  failures += await endOrphans({ runId: options.run, liveRuns: live }, options.dryRun);
  if (!options.dryRun) {
    for (const strategy of Object.values(STRATEGIES)) {
      const done = strategy.cleanLeftovers?.({ runId: options.run, live });
      if (done) process.stdout.write(`${done}\n`);
    }
  }
  if (reachable === 0) {
    process.stderr.write('no Docker engine answers; nothing to clean\n');
    return EXIT.cannotRun;
  }
  return failures > 0 ? EXIT.cellsFailed : EXIT.ok;
}

/** The host processes of runs that are gone (native samples, unison), ended; returns how many would not end. */
async function endOrphans(scope: { runId: string | null; liveRuns: Set<string> }, dryRun: boolean): Promise<number> {
  if (!CAN_FIND_RUN_PROCESSES) {
    process.stdout.write(pc.dim(`host: processes of crashed runs are looked for on Linux only; on ${process.platform}, end them by hand\n`));
    return 0;
  }
  const found = findOrphanedRunProcesses(scope);
  for (const p of found) process.stdout.write(`host: ${dryRun ? 'would end' : 'ending'} process ${p.pid}${p.group ? ` and its group` : ''} of crashed run ${safeText(p.runId)} (${safeText(p.command.slice(0, 120))})\n`);
  if (dryRun || found.length === 0) return 0;
  const left = await endRunProcesses(found);
  process.stdout.write(`host: ended ${found.length - left} process(es) of crashed runs\n`);
  if (left > 0) process.stderr.write(pc.red(`  could not end ${left} process(es): they may be another user's; end them as that user or as root\n`));
  return left;
}
