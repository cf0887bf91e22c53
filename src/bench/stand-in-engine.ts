// A stand-in for one platform's engine: it runs nothing, each command is answered from a script, and every call is
// logged. Unit tests of the executor's own rules (order, skipping, interrupts, cell status) script it; `mountbench
// run --debug-mode` (hidden, as hyperfine's --debug-mode and its MockExecutor) runs the whole CLI on it, so that
// flags, exit codes, the run directory and signals are tested without an engine. What Docker does is only ever
// asserted against a real engine (test/integration).
import type { PlatformEngine } from './engine.js';
import type { ResolvedImage } from '../docker/images.js';
import type { PlatformTarget } from './executor.js';
import type { ProgressListener } from './progress.js';
import type { HarnessResult } from './harness.js';
import type { CommandRunner, StreamedResult } from './runner.js';
import { SandboxUnavailableError, type Sandbox, type SandboxRecord } from './sandbox.js';
import type { FileSharing } from '../model/run-document.js';
import type { ImplementedStrategy } from '../model/strategies.js';
import type { Workload } from '../workloads/workload.js';
import type { KernelCpuWindow } from './vm-load.js';

/** How a step answers: its wall time and exit code, and the figures it printed. */
export interface Answer {
  wallSeconds?: number;
  exitCode?: number;
  values?: Record<string, unknown>;
  output?: string;
  /** The kernel's counters around the step, as the timer reads them where the engine runs in a VM. */
  procStat?: KernelCpuWindow;
}

/** `answer(strategy, command, n)`: the n-th (0-based) run of a command in a sandbox of that strategy. */
export type Script = (strategy: ImplementedStrategy, command: string, n: number) => Answer;

function harness(answer: Answer): HarnessResult {
  return {
    wallSeconds: answer.wallSeconds ?? 1,
    exitCode: answer.exitCode ?? 0,
    signal: null,
    cpuUserSeconds: 0.5,
    cpuSystemSeconds: 0.25,
    values: answer.values ?? {},
    cgroup: null,
    outputTail: answer.output ?? '',
    ...(answer.procStat ? { procStat: answer.procStat } : {}),
  };
}

export class StandInEngine implements PlatformEngine {
  /** Every call, in order: "useImage", "open bind", "bind: <command>", "dispose bind", "cleanUp"... */
  readonly log: string[] = [];
  /** Set to make the next call of that name throw; `unavailable`: openSandbox says the strategy cannot run here. */
  failing: { useImage?: string; openSandbox?: string; unavailable?: string } = {};
  /** How long each command takes to answer, so that a run can be interrupted in the middle of one. */
  delayMs = 0;
  /** Sandboxes get a settle step when true. */
  settles = false;
  /** What sandboxes record besides their samples. */
  record: SandboxRecord | undefined;

  /** The platforms offered as image donors at useImage. */
  donors: string[] = [];

  constructor(
    private readonly script: Script = () => ({}),
    readonly name = 'stand-in',
  ) {}

  async useImage(_requested: string | null, donors: readonly PlatformEngine[]): Promise<ResolvedImage> {
    this.log.push('useImage');
    this.donors = donors.map((d) => d.name);
    if (this.failing.useImage) throw new Error(this.failing.useImage);
    return { ref: 'stand-in:1', id: 'sha256:0', note: null };
  }

  async exportImage(): Promise<NodeJS.ReadableStream | null> {
    return null;
  }

  async fileSharing(): Promise<FileSharing> {
    this.log.push('fileSharing');
    return { mechanism: 'none', fstype: 'ext4', mountinfo: null };
  }

  async prime(workload: Workload) {
    this.log.push(`prime ${workload.name}`);
    return null;
  }

  async openSandbox(strategy: ImplementedStrategy, workload: Workload): Promise<Sandbox> {
    this.log.push(`open ${workload.name}/${strategy}`);
    if (this.failing.openSandbox) throw new Error(this.failing.openSandbox);
    if (this.failing.unavailable) throw new SandboxUnavailableError(this.failing.unavailable);
    const counts = new Map<string, number>();
    const log = this.log;
    const script = this.script;
    const delayMs = this.delayMs;
    let aborted = false;
    let wake: () => void = () => undefined;
    const runner: CommandRunner = {
      async run(command) {
        if (delayMs > 0) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, delayMs)));
        if (aborted) throw new Error('interrupted');
        if (command.startsWith('node --version')) return harness({ output: 'v20.0.0\n11.0.0\n' });
        const n = counts.get(command) ?? 0;
        counts.set(command, n + 1);
        log.push(`${strategy}: ${command}`);
        return harness(script(strategy, command, n));
      },
      async stream(): Promise<StreamedResult> {
        throw new Error('the stand-in has no watch step');
      },
      async mountinfo() {
        return null;
      },
      abort() {
        aborted = true;
        wake();
      },
    };
    return {
      runner,
      projectDir: '/stand-in/project',
      cacheDir: '/stand-in/cache',
      hostProjectDir: null,
      ...(this.settles ? { settle: async () => (log.push(`${strategy}: settle`), 0.5) } : {}),
      ...(this.record ? { record: () => this.record! } : {}),
      dispose: async () => void log.push(`dispose ${workload.name}/${strategy}`),
    };
  }

  async dropCaches(strategy: ImplementedStrategy) {
    this.log.push(`drop ${strategy}`);
    return { dropped: null, notCold: null };
  }

  interrupt(): void {
    this.log.push('interrupt');
  }

  /** What cleanUp says it could not remove. */
  leftBehind: string[] = [];

  async cleanUp(): Promise<string[]> {
    this.log.push('cleanUp');
    return this.leftBehind;
  }
}

/** A progress listener that shows nothing. */
export const QUIET: ProgressListener = {
  platformStarted: () => undefined,
  phase: () => undefined,
  sampleStarted: () => undefined,
  sampleFinished: () => undefined,
  platformFinished: () => undefined,
};

/** A platform of the run reached through an engine (a stand-in here), identified as plain Docker on Linux. */
export function standInTarget(name: string, engine: PlatformEngine): PlatformTarget {
  const engineFacts = { product: 'x', version: '1', apiVersion: null, os: 'Linux', kernel: 'k', arch: 'x86_64', cpus: 2, memoryBytes: 1, storageDriver: null };
  return { name, engine, identity: { name, endpoint: 'unix:///x', source: 'socket', kind: 'docker-linux', label: name, engine: engineFacts } };
}
