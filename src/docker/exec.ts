// One command in a running container through `docker exec`, its output collected (and streamed to a listener).
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { watchQuietStream } from './heartbeat.js';

/** Run `cmd` in `container` and wait for it: its stdout, stderr and exit code (-1 when the engine gives none).
 * `signal` ends the wait at once (Ctrl-C), even when the engine has stopped answering; an engine that stops answering
 * while the command is quiet ends it with EngineNotAnsweringError (heartbeat.ts). */
export async function execCollect(
  docker: Docker,
  container: Docker.Container,
  cmd: string[],
  workingDir?: string,
  onStdout?: (chunk: Buffer) => void,
  signal?: AbortSignal,
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, WorkingDir: workingDir, abortSignal: signal });
  const stream = await exec.start({ hijack: true, stdin: false, abortSignal: signal });
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
  // The run's one signal outlives every exec: its listener goes when the exec does (they piled up, one per exec,
  // and Node warned of a leak on long runs).
  let onAbort: (() => void) | undefined;
  let stopWatching: (() => void) | undefined;
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
    onAbort = () => (stream.destroy(), reject(new Error('interrupted')));
    signal?.addEventListener('abort', onAbort, { once: true });
    stopWatching = watchQuietStream(docker, stream, (error) => (reject(error), stream.destroy()));
  }).finally(() => {
    stopWatching?.();
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
  const { ExitCode } = await exec.inspect();
  return { stdout, stderr, exitCode: ExitCode ?? -1 };
}
