// Commands in a cell's long-lived container through `docker exec`.
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { harnessArgs, OUTPUT_TAIL_CHARS, parseHarnessOutput, readPrintedValues, type HarnessResult } from './harness.js';
import { lineSplitter, type CommandRunner, type StreamedResult } from './runner.js';

export async function execCollect(
  docker: Docker,
  container: Docker.Container,
  cmd: string[],
  workingDir?: string,
  onStdout?: (chunk: Buffer) => void,
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, WorkingDir: workingDir });
  const stream = await exec.start({ hijack: true, stdin: false });
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => {
    stdout += c.toString();
    onStdout?.(c);
  });
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  docker.modem.demuxStream(stream, out, err);
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  const { ExitCode } = await exec.inspect();
  return { stdout, stderr, exitCode: ExitCode ?? -1 };
}

export class ContainerRunner implements CommandRunner {
  private aborted = false;

  constructor(
    private readonly docker: Docker,
    private readonly container: Docker.Container,
    private readonly projectDir: string,
  ) {}

  async run(command: string): Promise<HarnessResult> {
    if (this.aborted) throw new Error('interrupted');
    const { stdout, stderr } = await execCollect(this.docker, this.container, ['node', ...harnessArgs(command, true)], this.projectDir);
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
    const { stdout, stderr, exitCode } = await execCollect(this.docker, this.container, ['sh', '-c', command], this.projectDir, (c) => lines.push(c));
    lines.end();
    if (this.aborted) throw new Error('interrupted');
    return { exitCode, outputTail: (stdout + stderr).slice(-OUTPUT_TAIL_CHARS), values: readPrintedValues(stdout) };
  }

  async mountinfo(): Promise<string | null> {
    return (await execCollect(this.docker, this.container, ['cat', '/proc/self/mountinfo'])).stdout;
  }

  abort(): void {
    // The executor removes the container, which ends the exec and its stream.
    this.aborted = true;
  }
}
