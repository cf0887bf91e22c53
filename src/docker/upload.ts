// A tar archive copied into a container, bounded by a stall deadline rather than a total one: an upload takes as long
// as its size makes it, but an engine that accepts no byte of it for a deadline, or does not answer within a deadline
// once the whole archive is sent, counts as frozen. The run's interrupt ends it at once.
import { pipeline, Transform, type Readable } from 'node:stream';
import type Docker from 'dockerode';
import { API_DEADLINE_MS, EngineNotAnsweringError } from './deadlines.js';

export interface UploadOptions {
  /** What is copied, as the error names it (e.g. the host directory). */
  what: string;
  /** Ends the upload at once (Ctrl-C). */
  signal?: AbortSignal;
  deadlineMs?: number;
}

/** Copy `archive` into `containerDir` of `container`. */
export async function uploadArchive(container: Docker.Container, archive: Readable, containerDir: string, options: UploadOptions): Promise<void> {
  const deadlineMs = options.deadlineMs ?? API_DEADLINE_MS;
  const seconds = deadlineMs / 1000;
  const stalled = new AbortController();
  let sent = false;
  let timer: NodeJS.Timeout | undefined;
  const waitAgain = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stalled.abort(), deadlineMs);
  };
  // Each chunk the request takes is progress (a transform is handed the next chunk only once the request drained the
  // last): a request whose connection no longer drains takes none.
  const meter = new Transform({
    transform: (chunk, _encoding, done) => (waitAgain(), done(null, chunk)),
    flush: (done) => ((sent = true), waitAgain(), done()),
  });
  // An archive that fails (a file that cannot be read) fails the request with its own error.
  pipeline(archive, meter, () => undefined);
  const abortSignal = options.signal ? AbortSignal.any([stalled.signal, options.signal]) : stalled.signal;
  waitAgain();
  try {
    await container.putArchive(meter, { path: containerDir, abortSignal });
  } catch (error) {
    if (options.signal?.aborted) throw new Error('interrupted');
    if (!stalled.signal.aborted) throw error;
    throw new EngineNotAnsweringError(
      sent
        ? `the engine did not answer the upload of ${options.what} into ${containerDir} within ${seconds} s of its end: it may be frozen or overloaded`
        : `the engine took no byte of the upload of ${options.what} into ${containerDir} for ${seconds} s: it may be frozen or overloaded`,
    );
  } finally {
    clearTimeout(timer);
    archive.destroy();
  }
}
