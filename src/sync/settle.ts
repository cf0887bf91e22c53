// Settling: after a step, wait until the host and the volume agree again. Trees that already agree are in step, so
// the first look comes at once; then each further look waits for a full cycle of the engine (a flush). Sides that
// never agree within the timeout fail the sample, with where they differ.
import { listingsAgree, treeDifference, type TreeSide } from './tree.js';

export class SettleTimeout extends Error {}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

/** Seconds until both sides agreed, comparisons included; throws SettleTimeout when they never did. */
export async function settle(host: TreeSide, sandbox: TreeSide, flush: (timeoutMs: number) => Promise<void>, timeoutSeconds: number): Promise<number> {
  const started = now();
  for (;;) {
    const [h, s] = await Promise.all([host.list(false), sandbox.list(false)]);
    if (listingsAgree(h, s)) return now() - started;
    const left = timeoutSeconds - (now() - started);
    if (left <= 0) {
      const [hl, sl] = await Promise.all([host.list(true), sandbox.list(true)]);
      throw new SettleTimeout(`the host and the volume did not agree within ${timeoutSeconds} s: ${treeDifference(hl.lines ?? [], sl.lines ?? [])}`);
    }
    await flush(left * 1000);
  }
}
