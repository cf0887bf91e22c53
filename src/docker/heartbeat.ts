// A stream that stays open for as long as its work does (an exec's output) cannot have a deadline of its own, and a
// frozen engine holds it open forever. Quiet for a deadline, the engine is asked whether it still answers; one that
// does not fails the wait with the reason instead of hanging it (a quiet command on a live engine costs a ping).
import type Docker from 'dockerode';
import { API_DEADLINE_MS, EngineNotAnsweringError, isAbort, notAnswering } from './deadlines.js';

/** A ping with a deadline of its own, so that it ends also on a client without deadlines (dockerode's ping takes a
 * signal; its types do not say so). */
function pingWithin(docker: Docker, deadlineMs: number): Promise<unknown> {
  const ping = docker.ping as unknown as (this: Docker, options: { abortSignal: AbortSignal }) => Promise<unknown>;
  return ping.call(docker, { abortSignal: AbortSignal.timeout(deadlineMs) });
}

/** Watch `stream` until the returned function is called; `onFrozen` is called (once) if the engine stops answering. */
export function watchQuietStream(
  docker: Docker,
  stream: NodeJS.ReadableStream,
  onFrozen: (error: EngineNotAnsweringError) => void,
  deadlineMs = API_DEADLINE_MS,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(check, deadlineMs);
  };
  const check = () => {
    pingWithin(docker, deadlineMs).then(arm, (error: Error) => {
      if (stopped) return;
      // Any other failure (the engine went away) ends the stream on its own.
      if (!(error instanceof EngineNotAnsweringError) && !isAbort(error)) return arm();
      stopped = true;
      onFrozen(notAnswering(`GET /_ping within ${deadlineMs / 1000} s, while a command's output had been quiet for as long`));
    });
  };
  stream.on('data', arm);
  arm();
  return () => {
    stopped = true;
    clearTimeout(timer);
    stream.removeListener('data', arm);
  };
}
