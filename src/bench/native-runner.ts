// The `native` strategy: the workload as a process on the host, timed by the same harness as in containers.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { harnessArgs, OUTPUT_TAIL_CHARS, parseHarnessOutput, readPrintedValues, type HarnessResult } from './harness.js';
import { lineSplitter, type CommandRunner, type StreamedResult } from './runner.js';
import { runProcessEnv } from './run-processes.js';

/** The process groups of native samples running now, in every runner: ended when mountbench exits by any road (a
 * second Ctrl-C exits at once), as each is detached from mountbench's own group and would live on as an orphan. */
const liveGroups = new Set<number>();

function endGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function endLiveGroups(): void {
  for (const pid of liveGroups) endGroup(pid);
}

export class NativeRunner implements CommandRunner {
  private readonly running = new Set<number>();
  private aborted = false;

  /** `runId`: the run its processes are marked as (for `mountbench clean`, if this run is killed outright). */
  constructor(
    private readonly projectDir: string,
    private readonly runId: string,
  ) {}

  async run(command: string): Promise<HarnessResult> {
    const { stdout, stderr } = await this.spawn(process.execPath, harnessArgs(command, false));
    try {
      return parseHarnessOutput(stdout);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${stderr.slice(-1000)}`);
    }
  }

  async stream(command: string, onLine: (line: string) => void): Promise<StreamedResult> {
    const lines = lineSplitter(onLine);
    const { stdout, stderr, exitCode } = await this.spawn('sh', ['-c', command], (c) => lines.push(c));
    lines.end();
    return { exitCode, outputTail: (stdout + stderr).slice(-OUTPUT_TAIL_CHARS), values: readPrintedValues(stdout) };
  }

  private spawn(file: string, args: string[], onStdout?: (chunk: Buffer) => void): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    if (this.aborted) return Promise.reject(new Error('interrupted'));
    return new Promise((resolve, reject) => {
      // detached: its own process group, so an interrupt can stop npm and everything it started.
      const child = spawn(file, args, { cwd: this.projectDir, env: runProcessEnv(this.runId), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const pid = child.pid;
      if (pid) {
        this.running.add(pid);
        if (liveGroups.size === 0) process.on('exit', endLiveGroups);
        liveGroups.add(pid);
      }
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        onStdout?.(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        if (pid) {
          this.running.delete(pid);
          liveGroups.delete(pid);
          if (liveGroups.size === 0) process.off('exit', endLiveGroups);
        }
        if (this.aborted) return reject(new Error('interrupted'));
        resolve({ stdout, stderr, exitCode: code ?? 128 });
      });
    });
  }

  async mountinfo(): Promise<string | null> {
    return readFile('/proc/self/mountinfo', 'utf8').catch(() => null);
  }

  abort(): void {
    this.aborted = true;
    for (const pid of this.running) endGroup(pid);
  }
}
