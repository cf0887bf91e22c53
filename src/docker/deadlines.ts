// No Engine API call waits forever. Every plain request of a client gets a deadline unless its caller gave it a signal
// of its own; requests that carry a stream (an exec's output, a copy into a container, an image being pulled, saved
// or loaded) take as long as their work does, and their callers bound them (an interrupt aborts an exec; image copies have their own limit). An
// engine that stops answering then fails the call with a sentence that says so, instead of hanging the run, its
// clean-up and Ctrl-C.
import type Docker from 'dockerode';

/** How long a plain request (list, create, start, remove, inspect) may take before the engine counts as frozen;
 * MOUNTBENCH_API_DEADLINE_MS changes it (tests of a frozen engine use a short one). */
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

/** The client, its plain requests bounded by `deadlineMs`. */
export function withDeadlines(docker: Docker, deadlineMs = API_DEADLINE_MS): Docker {
  const modem = docker.modem as unknown as { dial: Dial };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    if (options.abortSignal || options.hijack || options.isStream || options.file) return dial(options, callback);
    const what = `${options.method ?? 'GET'} ${(options.path ?? '').split('?')[0]}`;
    dial({ ...options, abortSignal: AbortSignal.timeout(deadlineMs) }, (error, result) => {
      if (error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
        return callback(new EngineNotAnsweringError(`the engine did not answer ${what} within ${deadlineMs / 1000} s: it may be frozen or overloaded`));
      }
      callback(error, result);
    });
  };
  return docker;
}
