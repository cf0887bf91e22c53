// Settling: after a step, wait until the host and the volume agree again. Trees that already agree are in step, so
// the first look comes at once; then each further look waits for a full cycle of the engine (a flush). Sides that
// never agree within the timeout fail the sample, with where they differ. Trees still apart after a while get a
// thorough cycle now and then: an engine's fast check of sizes and times can miss a change for good.
import { listingsAgree, treeDifference, type TreeSide } from './tree.js';

export class SettleTimeout extends Error {}

/** Seconds of disagreement after which a settle asks the engine for a thorough cycle, and again as often. Settles
 * in the lab take 0.3–5 s; 20 s apart is a change the engine's fast check missed. */
export const THOROUGH_AFTER_SECONDS = 20;

function now(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

/** Seconds until both sides agreed, comparisons included; throws SettleTimeout when they never did. */
export async function settle(
  host: TreeSide,
  sandbox: TreeSide,
  flush: (timeoutMs: number, thorough: boolean) => Promise<void>,
  timeoutSeconds: number,
  thoroughAfterSeconds = THOROUGH_AFTER_SECONDS,
): Promise<number> {
  const started = now();
  let thoroughAt = started + thoroughAfterSeconds;
  for (;;) {
    const [h, s] = await Promise.all([host.list(false), sandbox.list(false)]);
    if (listingsAgree(h, s)) return now() - started;
    const left = timeoutSeconds - (now() - started);
    if (left <= 0) {
      const [hl, sl] = await Promise.all([host.list(true), sandbox.list(true)]);
      throw new SettleTimeout(`the host and the volume did not agree within ${timeoutSeconds} s: ${treeDifference(hl.lines ?? [], sl.lines ?? [])}`);
    }
    const thorough = now() >= thoroughAt;
    if (thorough) thoroughAt = now() + thoroughAfterSeconds;
    await flush(left * 1000, thorough);
  }
}
