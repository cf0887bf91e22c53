// --quiet-wait: before a round, wait until other work falls below the threshold (machine-load.ts), reading the load
// again and again (each reading watches the machine for a couple of seconds), at most so long: no reading starts that
// would end past the limit (readings take as long as the last one did); then go on either way.
import { isBusy, type LoadReading } from './machine-load.js';

export const DEFAULT_QUIET_WAIT_SECONDS = 120;

export interface QuietWaitOutcome {
  /** The load fell below the threshold (false: the wait gave up at its limit). */
  quiet: boolean;
  /** Readings that found the machine busy. */
  busyReadings: number;
  waitedSeconds: number;
  last: LoadReading;
}

/** Read the load until it is below the threshold or `maxSeconds` have passed; `onBusy` hears each busy reading. */
export async function waitForQuiet(
  read: () => Promise<LoadReading>,
  maxSeconds: number,
  onBusy: (reading: LoadReading, waitedSeconds: number) => void = () => undefined,
  now: () => number = () => performance.now() / 1000,
): Promise<QuietWaitOutcome> {
  const start = now();
  for (let busyReadings = 0; ; busyReadings++) {
    const readingStart = now();
    const last = await read();
    const waitedSeconds = now() - start;
    if (!isBusy(last.share)) return { quiet: true, busyReadings, waitedSeconds, last };
    if (waitedSeconds + (now() - readingStart) > maxSeconds) return { quiet: false, busyReadings: busyReadings + 1, waitedSeconds, last };
    onBusy(last, waitedSeconds);
  }
}
