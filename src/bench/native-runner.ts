// The `native` strategy: the workload as a process on the host, timed by the same harness as in containers.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { HARNESS_SOURCE, parseHarnessOutput, type HarnessResult } from './harness.js';
import type { CommandRunner } from './runner.js';

export class NativeRunner implements CommandRunner {
  private readonly running = new Set<number>();
  private aborted = false;

  constructor(private readonly projectDir: string) {}

  run(command: string): Promise<HarnessResult> {
    if (this.aborted) return Promise.reject(new Error('interrupted'));
    return new Promise((resolve, reject) => {
      // detached: its own process group, so an interrupt can stop npm and everything it started.
      const child = spawn(process.execPath, ['-e', HARNESS_SOURCE, command], {
        cwd: this.projectDir,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const pid = child.pid;
      if (pid) this.running.add(pid);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', () => {
        if (pid) this.running.delete(pid);
        if (this.aborted) return reject(new Error('interrupted'));
        try {
          resolve(parseHarnessOutput(stdout));
        } catch (error) {
          reject(new Error(`${(error as Error).message}\n${stderr.slice(-1000)}`));
        }
      });
    });
  }

  async mountinfo(): Promise<string | null> {
    return readFile('/proc/self/mountinfo', 'utf8').catch(() => null);
  }

  abort(): void {
    this.aborted = true;
    for (const pid of this.running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
