// One sample of a sandbox: the untimed reset, then each timed step in order (a cold step drops the caches first, a
// watch step writes files next to its watcher); every measure's cell gets its figure from the step it reads.
// A failing step, the reset included, fails the sample and so every cell of the sandbox: they stop sampling, the
// run goes on.
import { EngineNotAnsweringError } from '../docker/deadlines.js';
import type { Cell, Sample, SampleCost } from '../model/run-document.js';
import type { ImplementedStrategy } from '../model/strategies.js';
import { measureOf, type StepReading, type Workload } from '../workloads/workload.js';
import type { ColdPass } from './cache-drop.js';
import type { ProgressListener } from './progress.js';
import { between, type CostMeter, type HostCounts } from './cost.js';
import { hostCores, otherLoad } from './machine-load.js';
import { vmOtherLoad } from './vm-load.js';
import type { HarnessResult } from './harness.js';
import type { Sandbox } from './sandbox.js';
import { runWatch } from './watch.js';
import { lastLine } from '../util/text.js';
import { offlineFailure } from './offline-failure.js';

/** One sandbox (platform × workload × strategy) and the cells its samples fill, one per measure. */
export interface LiveSandbox {
  workload: Workload;
  strategy: ImplementedStrategy;
  cells: Cell[];
  sandbox: Sandbox | null;
}

export interface SampleContext {
  warmup: number;
  samplesPerCell: number;
  /** Drop the caches a cold pass must not read from. */
  dropCaches(): Promise<ColdPass>;
  /** Reads the host's cost counters around each timed step. */
  meter: CostMeter | null;
  listener: ProgressListener;
  interrupted(): boolean;
}

type Reading = StepReading & {
  exitCode: number;
  cpuUserSeconds: number | null;
  cpuSystemSeconds: number | null;
  cost?: SampleCost;
  settleSeconds?: number;
  otherLoad?: number | null;
  vmOtherLoad?: number | null;
};

/** Untimed: let a sandbox that settles catch up after `what`; its seconds, or undefined where there is nothing to wait for. */
async function settled(sandbox: Sandbox, what: string): Promise<number | undefined> {
  try {
    return await sandbox.settle?.();
  } catch (error) {
    throw new SettleFailure(`after ${what}, ${(error as Error).message}`);
  }
}

/** A step's cost: the timer's count of the command's CPU, the container's cgroup counts (from inside it) and the
 * host's (around it). */
function stepCost(result: HarnessResult, host: HostCounts | null): SampleCost | undefined {
  const { cgroup } = result;
  if (!cgroup && !host) return undefined;
  const command = result.cpuUserSeconds === null || result.cpuSystemSeconds === null ? null : result.cpuUserSeconds + result.cpuSystemSeconds;
  return {
    commandCpuSeconds: command,
    containerCpuSeconds: cgroup?.cpuSeconds ?? null,
    containerUserSeconds: cgroup?.userSeconds ?? null,
    containerSystemSeconds: cgroup?.systemSeconds ?? null,
    peakMemoryBytes: cgroup?.peakBytes ?? null,
    readBytes: cgroup?.readBytes ?? null,
    writeBytes: cgroup?.writeBytes ?? null,
    sharingCpuSeconds: host?.sharingCpuSeconds ?? null,
    hostCpuSeconds: host?.hostCpuSeconds ?? null,
    energyJoules: host?.energyJoules ?? null,
  };
}

/** The sample's own CPU: its container's cgroup, else the command's as the timer counted it; null when neither. */
function ownCpuSeconds(result: HarnessResult): number | null {
  const command = result.cpuUserSeconds === null || result.cpuSystemSeconds === null ? null : result.cpuUserSeconds + result.cpuSystemSeconds;
  return result.cgroup?.cpuSeconds ?? command;
}

/** What other work kept busy during the step: the host's CPU less the sample's own. */
function stepOtherLoad(result: HarnessResult, spent: HostCounts, meter: CostMeter): number | null {
  return otherLoad({ spent, sampleCpuSeconds: ownCpuSeconds(result), insideTheVm: meter.sharingIsTheVm, cores: hostCores() });
}

/** One sample: reset, then every step in order; each measure's cell gets its figure. A failing step fails them all. */
export async function takeSample(l: LiveSandbox, index: number, ctx: SampleContext): Promise<void> {
  const { cells, sandbox, workload } = l;
  const warmup = index < ctx.warmup;
  const startedAt = new Date().toISOString();
  const readings = new Map<string, Reading>();
  try {
    // Every sample starts on a quiet disk: what the previous sample and the reset wrote is flushed first, untimed,
    // instead of being written back while the next sample is timed.
    const reset = await sandbox!.runner.run(`(${workload.reset}) && sync`);
    if (reset.exitCode !== 0) throw new ResetFailure(reset.exitCode, reset.outputTail);
    await settled(sandbox!, 'the reset');
    ctx.listener.sampleStarted(cells[0], index, ctx.samplesPerCell);
    for (const step of workload.steps) {
      if ('watch' in step) {
        const outcome = await runWatch(sandbox!, step.watch);
        const reading: Reading = { ...outcome.reading, exitCode: outcome.exitCode, cpuUserSeconds: null, cpuSystemSeconds: null };
        readings.set(step.name, reading);
        if (outcome.exitCode !== 0) throw new StepFailure(step.name, outcome.exitCode, outcome.outputTail);
        reading.settleSeconds = await settled(sandbox!, `step ${step.name}`);
        continue;
      }
      if (step.cold) {
        const pass = await ctx.dropCaches();
        const notes = [pass.dropped && `${step.name} pass: caches dropped in ${pass.dropped}`, pass.notCold && `${step.name} pass not fully cold: ${pass.notCold}`];
        const readers = cells.filter((c) => measureOf(workload, c.measure).step === step.name);
        for (const note of notes) if (note) for (const c of readers) if (!c.notes.includes(note)) c.notes.push(note);
      }
      const before = ctx.meter?.read() ?? null;
      const result = await sandbox!.runner.run(step.command(sandbox!.cacheDir));
      const spent = before && between(before, ctx.meter!.read());
      const reading: Reading = {
        wallSeconds: result.wallSeconds,
        values: result.values,
        exitCode: result.exitCode,
        cpuUserSeconds: result.cpuUserSeconds,
        cpuSystemSeconds: result.cpuSystemSeconds,
        cost: stepCost(result, spent),
        ...(spent ? { otherLoad: stepOtherLoad(result, spent, ctx.meter!) } : {}),
        // Where the engine has a VM of its own, the timer read its kernel's counters too.
        ...(result.procStat ? { vmOtherLoad: vmOtherLoad(result.procStat, ownCpuSeconds(result)) } : {}),
      };
      readings.set(step.name, reading);
      if (result.exitCode !== 0) throw new StepFailure(step.name, result.exitCode, result.outputTail);
      // A sandbox that settles catches up here, untimed, before the next step reads or writes the project.
      reading.settleSeconds = await settled(sandbox!, `step ${step.name}`);
    }
    record(l, index, warmup, startedAt, readings, null, ctx.listener);
  } catch (error) {
    if (ctx.interrupted()) return;
    // An engine that stopped answering ends its platform: this sample was cut short with it, not failed.
    if (error instanceof EngineNotAnsweringError) throw error;
    record(l, index, warmup, startedAt, readings, error as Error, ctx.listener);
  }
}

/** Each cell's sample from the step its measure reads; on failure, every cell fails with the step's reason. */
function record(
  l: LiveSandbox,
  index: number,
  warmup: boolean,
  startedAt: string,
  readings: Map<string, Reading>,
  failure: Error | null,
  listener: ProgressListener,
): void {
  for (const [i, cell] of l.cells.entries()) {
    const measure = measureOf(l.workload, cell.measure);
    const reading = readings.get(measure.step);
    const value = failure || !reading ? null : measure.read(reading);
    const sample: Sample = {
      index,
      warmup,
      startedAt,
      value,
      wallSeconds: reading?.wallSeconds ?? null,
      exitCode: reading?.exitCode ?? null,
      cpuUserSeconds: reading?.cpuUserSeconds ?? null,
      cpuSystemSeconds: reading?.cpuSystemSeconds ?? null,
      ...(failure instanceof StepFailure ? { outputTail: failure.outputTail } : {}),
      ...(reading?.cost ? { cost: reading.cost } : {}),
      ...(reading?.settleSeconds !== undefined ? { settleSeconds: reading.settleSeconds } : {}),
      ...(reading?.otherLoad !== undefined ? { otherLoad: reading.otherLoad } : {}),
      ...(reading?.vmOtherLoad !== undefined ? { vmOtherLoad: reading.vmOtherLoad } : {}),
    };
    cell.samples.push(sample);
    if (reading?.method) {
      cell.method = reading.method.name;
      if (reading.method.note && !cell.notes.includes(reading.method.note)) cell.notes.push(reading.method.note);
    }
    if (failure) {
      cell.status = 'failed';
      cell.reason =
        failure instanceof StepFailure
          ? failureReason(l.workload, index, failure)
          : failure instanceof SettleFailure
            ? `sample ${index + 1}: ${failure.message}`
            : `sample ${index + 1} could not run: ${lastLine(failure.message)}`;
    } else if (value === null && measure.mayBeMissing) {
      if (!cell.notes.includes(measure.mayBeMissing)) cell.notes.push(measure.mayBeMissing);
    } else if (value === null) {
      cell.status = 'failed';
      cell.reason = `sample ${index + 1}: step ${measure.step} did not report its ${measure.key} figure`;
    }
    if (i === 0) listener.sampleFinished(cell, sample);
  }
}

/** Why a step failed: for want of the network when it ran offline, else its exit code and its last line. */
function failureReason(workload: Workload, index: number, failure: StepFailure): string {
  const offline = offlineFailure(workload, index + 1, failure.outputTail);
  if (offline) return offline;
  const which = failure instanceof ResetFailure ? ': the reset step before it' : workload.steps.length > 1 ? `, step ${failure.step},` : '';
  return `sample ${index + 1}${which} exited with ${failure.exitCode}: ${lastLine(failure.outputTail)}`;
}

class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly exitCode: number,
    readonly outputTail: string,
  ) {
    super(`step ${step} exited with ${exitCode}`);
  }
}

/** A settling sandbox never got consistent again after a step or a reset: the sample's figures cannot stand. */
class SettleFailure extends Error {}

/** The reset before a sample failed: the sample would start from what the previous one left, so it is not taken. */
class ResetFailure extends StepFailure {
  constructor(exitCode: number, outputTail: string) {
    super('reset', exitCode, outputTail);
  }
}
