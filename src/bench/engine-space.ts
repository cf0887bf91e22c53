// A platform whose own disk cannot hold a tree the run writes inside it (in a volume, or a container's layer) is
// skipped before any sample, instead of failing each sample with ENOSPC (or filling the VM's disk first). The trees
// are a lower bound of what the run writes there, so a platform that can hold the run is never skipped.
import type { EngineDisk } from '../platforms/engine-disk.js';
import type { ImplementedStrategy } from '../model/strategies.js';
import type { PlatformEngine } from './engine.js';
import type { ProgressListener } from './progress.js';

/** One tree a sandbox writes inside the engine: how large, which part of the engine's disk holds it, and the words
 * that name its workload and flags. */
export interface EngineTree {
  bytes: number;
  place: keyof EngineDisk;
  strategy: ImplementedStrategy;
  what: string;
  verb: 'need' | 'needs';
  /** How to ask for less: "choose fewer or smaller files". */
  fix: string;
}

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(bytes < 1024 ** 3 ? 2 : 0)} GiB`;
}

const WHERE: Record<keyof EngineDisk, string> = { volumes: 'in a volume', layers: "in a container's own layer" };

/** Why the platform's disk cannot hold the largest tree that does not fit, or null when every tree fits. */
export function engineSpaceShortfall(platform: string, trees: readonly EngineTree[], disk: EngineDisk): string | null {
  const tooLarge = trees.filter((t) => t.bytes > disk[t.place]).sort((a, b) => b.bytes - a.bytes)[0];
  if (!tooLarge) return null;
  return (
    `${tooLarge.what} under ${tooLarge.strategy} ${tooLarge.verb} at least ${gib(tooLarge.bytes)} inside the ${platform} platform's engine (${WHERE[tooLarge.place]}), ` +
    `and its disk has ${gib(disk[tooLarge.place])} free; ${tooLarge.fix}, or give the engine (its VM) more disk`
  );
}

/** Asks the engine for its free space when the run writes trees inside it, and throws (the platform is then
 * skipped, with the message as its cells' reason) when one cannot fit. An engine that cannot say is not refused:
 * the check only spares a run that could not have finished. */
export async function ensureEngineSpace(platform: string, engine: PlatformEngine, trees: readonly EngineTree[], listener: ProgressListener): Promise<void> {
  if (trees.length === 0 || !engine.diskSpace) return;
  listener.phase(platform, "reading its disk's free space");
  const disk = await engine.diskSpace().catch((error: Error) => {
    listener.phase(platform, `could not read its disk's free space: ${error.message}`);
    return null;
  });
  const shortfall = disk && engineSpaceShortfall(platform, trees, disk);
  if (shortfall) throw new Error(shortfall);
}
