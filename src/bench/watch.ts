// The watch step: how long a file written on one side takes to reach a watcher on the other, and whether it
// arrives at all (inotify events do not cross some file sharing; that is what breaks hot reload).
// With a host side, this process writes each file and times the watcher's "SEEN" line on its own clock, so no two
// clocks are compared (the line's trip back through `docker exec` is in the figure, a millisecond or so).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StepReading, WatchSpec } from '../workloads/workload.js';
import { quantileSorted, sorted } from '../stats/descriptive.js';
import type { Sandbox } from './sandbox.js';

/** Files written on the host, each event timed on mountbench's clock as it comes back from the watcher; or, with
 * no host side (container, volume), written and timed by the watcher itself. Ratios only compare the same method. */
export const WATCH_METHODS = {
  host: { name: 'written on the host', note: null },
  inside: {
    name: 'written inside the sandbox',
    note: 'events written inside the sandbox (it has no host side) and timed by the watcher itself: not compared with native, whose files are written on the host',
  },
} as const;

export interface WatchOutcome {
  reading: StepReading;
  exitCode: number;
  outputTail: string;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** p50, p95 of the events seen (ms) and the share missed (%); latencies null where the event never came. */
export function watchFigures(latencyMs: ReadonlyArray<number | null>): Record<string, number | null> {
  const seen = sorted(latencyMs.filter((l): l is number => l !== null));
  return {
    p50: seen.length > 0 ? quantileSorted(seen, 0.5) : null,
    p95: seen.length > 0 ? quantileSorted(seen, 0.95) : null,
    missed: latencyMs.length > 0 ? (100 * (latencyMs.length - seen.length)) / latencyMs.length : null,
  };
}

export async function runWatch(sandbox: Sandbox, spec: WatchSpec): Promise<WatchOutcome> {
  const hostDir = sandbox.hostProjectDir === null ? null : join(sandbox.hostProjectDir, spec.dir);
  const writtenAt: number[] = [];
  const seenAt: Array<number | null> = new Array(spec.events).fill(null);
  let writing: Promise<void> | null = null;
  const writeFromHost = async (dir: string) => {
    for (let i = 0; i < spec.events; i++) {
      if (i > 0) await sleep(spec.intervalMs);
      writtenAt[i] = now();
      await writeFile(join(dir, `w-${i}.txt`), `event ${i}\n`);
    }
  };
  const started = now();
  const result = await sandbox.runner.stream(spec.command(hostDir ? 'external' : 'internal'), (line) => {
    if (line.trim() === 'READY' && hostDir && !writing) writing = writeFromHost(hostDir);
    const seen = /^SEEN (\d+)$/.exec(line.trim());
    if (seen && Number(seen[1]) < spec.events) seenAt[Number(seen[1])] = now();
  });
  await writing;
  const wallSeconds = (now() - started) / 1000;
  const printed = result.values;
  let latencyMs: Array<number | null>;
  if (hostDir) {
    latencyMs = seenAt.map((t, i) => (t === null || writtenAt[i] === undefined ? null : t - writtenAt[i]));
  } else {
    const inside = printed.latencyMs;
    latencyMs = Array.isArray(inside) ? inside.map((l) => (typeof l === 'number' ? l : null)) : [];
  }
  const ran = hostDir ? writtenAt.length === spec.events : latencyMs.length === spec.events;
  return {
    reading: { wallSeconds, values: ran ? watchFigures(latencyMs) : {}, method: hostDir ? WATCH_METHODS.host : WATCH_METHODS.inside },
    exitCode: result.exitCode === 0 && !ran ? 1 : result.exitCode,
    outputTail: ran ? result.outputTail : `${result.outputTail}\nthe watcher did not get through its ${spec.events} events`,
  };
}
