// Commands in a cell's long-lived container through `docker exec`.
import type Docker from 'dockerode';
import { harnessArgs, OUTPUT_TAIL_CHARS, parseHarnessOutput, readPrintedValues, type HarnessResult } from './harness.js';
import { execCollect } from '../docker/exec.js';
import { lineSplitter, type CommandRunner, type StreamedResult } from './runner.js';

export class ContainerRunner implements CommandRunner {
  private aborted = false;
  /** Ends a command in flight at once, even on an engine that stopped answering. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly docker: Docker,
    private readonly container: Docker.Container,
    private readonly projectDir: string,
    /** Also read the kernel's CPU counters around each command: the engine runs in a VM of its own (vm-load.ts). */
    private readonly readsKernelCpu = false,
  ) {}

  async run(command: string): Promise<HarnessResult> {
    if (this.aborted) throw new Error('interrupted');
    const { stdout, stderr } = await execCollect(this.docker, this.container, ['node', ...harnessArgs(command, true, this.readsKernelCpu)], this.projectDir, undefined, this.stopping.signal);
    if (this.aborted) throw new Error('interrupted');
    try {
      return parseHarnessOutput(stdout);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${stderr.slice(-1000)}`);
    }
  }

  async stream(command: string, onLine: (line: string) => void): Promise<StreamedResult> {
    if (this.aborted) throw new Error('interrupted');
    const lines = lineSplitter(onLine);
    const { stdout, stderr, exitCode } = await execCollect(this.docker, this.container, ['sh', '-c', command], this.projectDir, (c) => lines.push(c), this.stopping.signal);
    lines.end();
    if (this.aborted) throw new Error('interrupted');
    return { exitCode, outputTail: (stdout + stderr).slice(-OUTPUT_TAIL_CHARS), values: readPrintedValues(stdout) };
  }

  async mountinfo(): Promise<string | null> {
    return (await execCollect(this.docker, this.container, ['cat', '/proc/self/mountinfo'])).stdout;
  }

  abort(): void {
    // The executor also removes the container, which ends the command itself.
    this.aborted = true;
    this.stopping.abort();
  }
}
