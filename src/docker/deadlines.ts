// No Engine API call waits forever. Every request of a client has a deadline for the engine's answer (a caller's own
// signal, an interrupt, can only end it sooner); once one is missed the engine counts as frozen, and the client
// refuses further requests at once rather than let a clean-up wait a deadline per call. What follows a stream's
// answer takes as long as its work does and is bounded where it is read: an exec's output by a ping when it goes
// quiet (heartbeat.ts), an image pulled, saved or loaded by a limit of its own (images.ts); a copy into a container
// has a stall deadline instead (upload.ts); each of them ends on the run's interrupt. An engine that stops answering
// then fails the call with a sentence that says so, instead of hanging the run, its clean-up and Ctrl-C.
import type Docker from 'dockerode';

/** How long a request (list, create, start, remove, inspect; a stream's start) may wait for its answer before the
 * engine counts as frozen; MOUNTBENCH_API_DEADLINE_MS changes it (tests of a frozen engine use a short one). */
export const API_DEADLINE_MS = Number(process.env.MOUNTBENCH_API_DEADLINE_MS) || 60_000;

interface DialOptions {
  method?: string;
  path?: string;
  hijack?: boolean;
  isStream?: boolean;
  /** An upload (a tar copied into a container, an image loaded): as long as its size makes it. */
  file?: unknown;
  abortSignal?: AbortSignal;
}
type Dial = (options: DialOptions, callback: (error: Error | null, result?: unknown) => void) => void;

/** The engine let a request's deadline pass: it is frozen or overloaded, and the platform cannot go on. */
export class EngineNotAnsweringError extends Error {}

/** A request ended by its signal (a deadline's or the caller's). */
export function isAbort(error: Error): boolean {
  return error.name === 'AbortError' || error.name === 'TimeoutError';
}

/** The error of an engine that did not answer `what` ("GET /containers/json within 60 s"). */
export function notAnswering(what: string): EngineNotAnsweringError {
  return new EngineNotAnsweringError(`the engine did not answer ${what}: it may be frozen or overloaded`);
}

/** The client, each request but an upload bounded by `deadlineMs` until the engine answers it (a stream's answer
 * is its start: what follows takes as long as its work). Once one misses it the engine counts as frozen, and for a
 * deadline after each miss further requests fail at once (a clean-up of twenty calls would otherwise wait twenty
 * deadlines); then one is let through to try again, and any answer ends it. */
export function withDeadlines(docker: Docker, deadlineMs = API_DEADLINE_MS): Docker {
  const modem = docker.modem as unknown as { dial: Dial };
  const dial = modem.dial.bind(modem);
  const seconds = deadlineMs / 1000;
  let frozen: { by: string; refuseUntil: number } | null = null;
  modem.dial = (options, callback) => {
    if (options.file) return dial(options, callback);
    const what = `${options.method ?? 'GET'} ${(options.path ?? '').split('?')[0]}`;
    if (frozen && Date.now() < frozen.refuseUntil) {
      return callback(new EngineNotAnsweringError(`the engine was not asked ${what}: it did not answer ${frozen.by} within ${seconds} s and has not answered since`));
    }
    // The one let through to try again: the others wait for its answer, or its miss.
    if (frozen) frozen.refuseUntil = Date.now() + 2 * deadlineMs;
    // Not AbortSignal.timeout: the deadline must end with the answer, or it would cut a stream that outlives it.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DOMException(`no answer within ${seconds} s`, 'TimeoutError')), deadlineMs);
    // A caller's own signal (an interrupt) may end the request sooner; it does not lift the deadline.
    const abortSignal = options.abortSignal ? AbortSignal.any([options.abortSignal, deadline.signal]) : deadline.signal;
    dial({ ...options, abortSignal }, (error, result) => {
      clearTimeout(timer);
      if (error && isAbort(error) && deadline.signal.aborted && !options.abortSignal?.aborted) {
        frozen = { by: frozen?.by ?? what, refuseUntil: Date.now() + deadlineMs };
        return callback(notAnswering(`${what} within ${seconds} s`));
      }
      if (!error || !isAbort(error)) frozen = null;
      callback(error, result);
    });
  };
  return docker;
}
