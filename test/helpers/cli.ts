// Run the real CLI (from source, through tsx) as a child process and collect what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));
// Resolved here, not from the child's working directory, which may be anywhere.
const TSX = import.meta.resolve('tsx');
/** Tests never write to the user's own history of runs. */
export const TEST_HISTORY = join(tmpdir(), `mountbench-test-history-${process.pid}.jsonl`);
// One history per test file (each runs in a process of its own), gone with it.
process.once('exit', () => rmSync(TEST_HISTORY, { force: true }));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `cwd`: where the CLI runs (the directory `platforms` probes), this process's own by default. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}, options: { cwd?: string } = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, ['--import', TSX, BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', MOUNTBENCH_HISTORY: TEST_HISTORY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, options: { cwd?: string } = {}): Promise<CliResult> {
  return startCli(args, env, options).done;
}
