// The watch step: how long a file written on one side takes to reach a watcher on the other, and whether it
// arrives at all (inotify events do not cross some file sharing; that is what breaks hot reload).
// With a host side, this process writes each file and times the watcher's "SEEN" line on its own clock, so no two
// clocks are compared (the line's trip back through `docker exec` is in the figure, a millisecond or so). The other
// way, the sandbox writes and says "WROTE", and this process watches the host side: the line's trip is then taken off
// the figure, so latencies below a millisecond or so read 0.
import { watch as watchDirectory } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
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
  toHost: { name: 'written in the sandbox, seen on the host', note: null },
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

export function runWatch(sandbox: Sandbox, spec: WatchSpec): Promise<WatchOutcome> {
  return spec.direction === 'to-host' ? watchOnHost(sandbox, spec) : watchInSandbox(sandbox, spec);
}

/** Files written in the sandbox, each timed from its "WROTE" line to its event on the host side. */
async function watchOnHost(sandbox: Sandbox, spec: WatchSpec): Promise<WatchOutcome> {
  if (sandbox.hostProjectDir === null) return { reading: { wallSeconds: 0, values: {} }, exitCode: 0, outputTail: '' };
  const dir = join(sandbox.hostProjectDir, spec.dir);
  await mkdir(dir, { recursive: true });
  const wroteAt: number[] = [];
  const seenAt: Array<number | null> = new Array(spec.events).fill(null);
  let allSeen: () => void = () => undefined;
  const everySeen = new Promise<void>((resolve) => (allSeen = resolve));
  const watcher = watchDirectory(dir, (_type, name) => {
    const match = /^e-(\d+)\.txt$/.exec(String(name));
    const i = match ? Number(match[1]) : -1;
    if (i < 0 || i >= spec.events || seenAt[i] !== null) return;
    seenAt[i] = now();
    if (seenAt.every((t) => t !== null)) allSeen();
  });
  const started = now();
  try {
    const result = await sandbox.runner.stream(spec.command('emit'), (line) => {
      const wrote = /^WROTE (\d+)$/.exec(line.trim());
      if (wrote && Number(wrote[1]) < spec.events) wroteAt[Number(wrote[1])] = now();
    });
    const grace = new AbortController();
    await Promise.race([everySeen, sleep(spec.graceMs, undefined, { signal: grace.signal }).catch(() => undefined)]);
    grace.abort();
    const ran = wroteAt.filter((t) => t !== undefined).length === spec.events;
    const latencyMs = seenAt.map((t, i) => (t === null || wroteAt[i] === undefined ? null : Math.max(0, t - wroteAt[i])));
    return {
      reading: { wallSeconds: (now() - started) / 1000, values: ran ? watchFigures(latencyMs) : {}, method: WATCH_METHODS.toHost },
      exitCode: result.exitCode === 0 && !ran ? 1 : result.exitCode,
      outputTail: ran ? result.outputTail : `${result.outputTail}\nthe writer did not get through its ${spec.events} files`,
    };
  } finally {
    watcher.close();
  }
}

async function watchInSandbox(sandbox: Sandbox, spec: WatchSpec): Promise<WatchOutcome> {
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
