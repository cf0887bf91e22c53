// unison as the sync engine: the host's unison against a server of the same build in the container (its binary
// copied in), over `docker exec` (relay.ts). Debian's 2.52 has no unison-fsmonitor, so changes are found by its own
// polling: a full scan of both sides every UNISON_POLL_SECONDS, while the samples run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import { execCollect } from '../../docker/exec.js';
import { uploadArchive } from '../../docker/upload.js';
import { processesCpuSeconds } from '../../platforms/process-cpu.js';
import { runProcessEnv } from '../../bench/run-processes.js';
import { lastLine } from '../../util/text.js';
import type { SyncPromises, SyncSession } from './engine.js';
import { end, exitOf, ownProcess } from './processes.js';
import { THOROUGH_AFTER_SECONDS } from './settle.js';
import type { ExecRelay } from './relay.js';

export const UNISON_POLL_SECONDS = 1;
/** Where the server's binary and its archives live in the container, outside the project. */
export const CONTAINER_SYNC_DIR = '/mountbench/sync';
export const UNISON_SERVER = `${CONTAINER_SYNC_DIR}/unison`;
/** unison's environment variable for the directory of its archives and profiles. */
export const UNISON_STATE_ENV = 'UNISON';
/** unison's own temporary files (.unison.NAME.HASH.unison.tmp), which it never carries. */
export const UNISON_TEMPORARY = '^\\.unison\\..*\\.unison\\.tmp$';
/** How often in a row the continuous unison may stop on its own, without a full cycle in between, and be started
 * again before the sync counts as broken. (It stops now and then when a file changes while it copies it.) */
const MAX_RESTARTS_IN_A_ROW = 3;

export interface UnisonBinary {
  /** The file itself, links resolved: what is copied into the container. */
  path: string;
  version: string;
}

export function parseUnisonVersion(text: string): string | null {
  return /unison version (\S+)/.exec(text)?.[1] ?? null;
}

/** The first unison on PATH that answers with its version. */
export function findUnison(path = process.env.PATH ?? ''): UnisonBinary | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'unison');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const version = parseUnisonVersion(spawnSync(candidate, ['-version'], { encoding: 'utf8', timeout: 10_000 }).stdout ?? '');
    if (version) return { path: realpathSync(candidate), version };
  }
  return null;
}

/** The arguments of one unison run between the host copy and the volume; `repeat`: poll every so many seconds;
 * `thorough`: compare every file's content, not only its size, time and inode (unison's fast check). */
export function unisonArgs(
  hostRoot: string,
  containerRoot: string,
  sshCommand: string,
  ignore: readonly string[],
  repeat: number | null,
  thorough = false,
): string[] {
  return [
    hostRoot,
    // ssh://HOST//absolute/path; the host name only labels the replica: the relay knows the container.
    `ssh://mountbench/${containerRoot}`,
    '-sshcmd', sshCommand,
    '-batch',
    '-times',
    '-links', 'true',
    // Both sides change between cycles only through a step or a reset; when they ever collide, the newer wins.
    '-prefer', 'newer',
    // A reset may empty a whole directory; that is not an accident to stop for.
    '-confirmbigdel=false',
    '-log=false',
    '-contactquietly',
    ...ignore.flatMap((name) => ['-ignore', `Name ${name}`]),
    ...(repeat === null ? [] : ['-repeat', String(repeat)]),
    ...(thorough ? ['-fastcheck', 'false'] : []),
  ];
}

/** Copy the host's unison into the container and check that it runs there, as the same version. */
export async function installUnisonServer(docker: Docker, container: Docker.Container, binary: UnisonBinary, signal?: AbortSignal): Promise<string | null> {
  await execCollect(docker, container, ['mkdir', '-p', CONTAINER_SYNC_DIR]);
  const name = basename(binary.path);
  const pack = tar.pack(dirname(binary.path), { entries: [name], map: (header) => ({ ...header, name: basename(UNISON_SERVER) }) });
  await uploadArchive(container, pack, CONTAINER_SYNC_DIR, { what: `the host's unison (${binary.path})`, ...(signal ? { signal } : {}) });
  const { stdout, stderr } = await execCollect(docker, container, [UNISON_SERVER, '-version']);
  const version = parseUnisonVersion(stdout);
  if (version === binary.version) return null;
  return `the host's unison ${binary.version} (${binary.path}) does not run in the image: ${lastLine(stderr || stdout) || 'no version printed'}; a glibc-based image (Debian, Ubuntu) of the host's architecture runs it`;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

export interface UnisonPlace {
  binary: UnisonBinary;
  relay: ExecRelay;
  hostRoot: string;
  containerRoot: string;
  ignore: string[];
  /** unison's archives on the host (the sandbox's own directory). */
  stateDir: string;
  runId: string;
}

/** unison's lines that explain a stop: its errors, not its progress (a package named http-errors is no error). */
const UNISON_ERROR = /^(Fatal error|Error\b|Failed\b|Uncaught exception)|Transfer aborted|modified during synchronization/;
const UNISON_PROGRESS = /^\[(BGN|END)\]|\bETA\s*$|^Shortcut: |^(Raised at|Re-raised at|Called from) /;
const RECENT_LINES = 40;
const REASON_CHARS = 240;

/** Why unison stopped, from its last lines: its error lines, else the last line that is not progress. */
export function unisonStopReason(recent: readonly string[]): string {
  const lines = recent.map((line) => line.trim()).filter(Boolean);
  const errors = lines.filter((line) => UNISON_ERROR.test(line)).slice(-2);
  const reason = errors.length > 0 ? errors.join(' ') : (lines.filter((line) => !UNISON_PROGRESS.test(line)).pop() ?? 'no message');
  return reason.length > REASON_CHARS ? `${reason.slice(0, REASON_CHARS - 1)}…` : reason;
}

/** One run of unison as a child of this process; its last lines kept for a failure's reason. */
function startUnison(place: UnisonPlace, repeat: number | null, onLine: (line: string) => void, thorough = false): { child: ChildProcess; reason: () => string } {
  const child = spawn(place.binary.path, unisonArgs(place.hostRoot, place.containerRoot, place.relay.command, place.ignore, repeat, thorough), {
    env: { ...runProcessEnv(place.runId), [UNISON_STATE_ENV]: place.stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  ownProcess(child);
  let recent: string[] = [];
  const reader = (then: (line: string) => void) => {
    let pending = '';
    return (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split(/[\r\n]/);
      pending = lines.pop() ?? '';
      recent = [...recent, ...lines].slice(-RECENT_LINES);
      lines.forEach(then);
    };
  };
  child.stdout!.on('data', reader(() => undefined));
  child.stderr!.on('data', reader(onLine));
  return { child, reason: () => [unisonStopReason(recent), place.relay.errors].filter(Boolean).join(' / ') };
}

export class UnisonSync implements SyncSession {
  readonly title: string;
  readonly how = `changes found by polling every ${UNISON_POLL_SECONDS} s (no unison-fsmonitor here), carried over docker exec`;
  readonly promises: SyncPromises = { mtime: true, mode: 'full', symlinks: true, temporary: UNISON_TEMPORARY };
  /** Why the continuous unison stopped on its own and was started again (it resumes from its archives). */
  readonly incidents: string[] = [];
  private started = 0;
  private ended = 0;
  private exited: string | null = null;
  private stopping = false;
  /** CPU of the earlier continuous processes, and the last reading of the current one. */
  private cpuBefore = 0;
  private cpuNow = 0;
  private readonly waiters = new Set<() => void>();
  private restartsInARow = 0;
  private pausedForRescan = false;
  private running!: { child: ChildProcess; reason: () => string };

  private constructor(
    private readonly place: UnisonPlace,
    readonly initialSyncSeconds: number,
  ) {
    this.title = `unison ${place.binary.version}`;
  }

  /** The initial sync (one run, timed), then the continuous one, running once its first cycle is through. */
  static async start(place: UnisonPlace, timeoutMs: number): Promise<UnisonSync> {
    const began = now();
    const once = startUnison(place, null, () => undefined);
    const code = await exitOf(once.child);
    if (code !== 0) throw new Error(`the initial unison sync failed (exit ${code}): ${once.reason()}`);
    const session = new UnisonSync(place, now() - began);
    session.launch();
    await session.flush(timeoutMs);
    if (session.exited) throw new Error(session.exited);
    return session;
  }

  /** The continuous unison; started again when it stops on its own, as unison itself does after most errors. */
  private launch(): void {
    this.running = startUnison(this.place, UNISON_POLL_SECONDS, (line) => this.read(line));
    const { child, reason } = this.running;
    const cyclesBefore = this.ended;
    child.once('exit', (code, signal) => {
      const why = `unison stopped (${signal ?? `exit ${code}`}): ${reason()}`;
      this.bankCpu();
      // Stopped on purpose for a thorough cycle, which starts it again.
      if (this.pausedForRescan && !this.stopping) return;
      this.restartsInARow = this.ended > cyclesBefore ? 0 : this.restartsInARow + 1;
      if (this.stopping || this.restartsInARow > MAX_RESTARTS_IN_A_ROW) {
        this.exited = why;
        this.wake();
        return;
      }
      this.incidents.push(why);
      // The cycle it was in is over, unfinished: a flush waiting for it waits for the next one.
      this.ended = this.started;
      this.launch();
    });
  }

  /** A cycle begins with its scan and ends when unison goes to sleep until the next one. */
  private read(line: string): void {
    if (/Looking for changes/.test(line)) this.started += 1;
    else if (/Sleeping for \d+ seconds?/.test(line)) {
      this.ended += 1;
      this.wake();
    }
  }

  private wake(): void {
    for (const wake of [...this.waiters]) wake();
  }

  async flush(timeoutMs: number, thorough = false): Promise<void> {
    if (thorough && !this.exited) await this.rescan();
    return this.nextCycle(timeoutMs);
  }

  /** One run comparing every file's content: 2.52's fast check misses for good a change whose copy it broke off
   * (as git rewrites .git/index while it is copied; fixed in 2.53, bcpierce00/unison#769). The continuous unison
   * stops for it and starts again from the archives it leaves. */
  private async rescan(): Promise<void> {
    this.pausedForRescan = true;
    await end(this.running.child);
    const once = startUnison(this.place, null, () => undefined, true);
    // Stopped with the session when it is (Ctrl-C) while it runs.
    this.running = once;
    const code = await exitOf(once.child);
    this.bankCpu();
    this.pausedForRescan = false;
    if (this.stopping) return;
    const outcome = code === 0 ? '' : ` (exit ${code}: ${once.reason()})`;
    this.incidents.push(`unison stopped for a full comparison of contents, the trees still apart after ${THOROUGH_AFTER_SECONDS} s${outcome}`);
    this.ended = this.started;
    this.launch();
  }

  private nextCycle(timeoutMs: number): Promise<void> {
    const target = this.started + 1;
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.exited) return finish(() => reject(new Error(this.exited!)));
        if (this.ended >= target) finish(resolve);
      };
      const timer = setTimeout(() => finish(resolve), timeoutMs);
      const finish = (then: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        this.cpuSeconds();
        then();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** A process's CPU is counted as far as it was last read, once it has ended. */
  private bankCpu(): void {
    this.cpuBefore += this.cpuNow;
    this.cpuNow = 0;
  }

  /** At least this much: a process that stopped on its own counts as far as it was last read. */
  cpuSeconds(): number | null {
    if (process.platform !== 'linux') return null;
    const pid = this.running.child.pid;
    if (!this.exited && pid) this.cpuNow = processesCpuSeconds([pid]) || this.cpuNow;
    return this.cpuBefore + this.cpuNow;
  }

  kill(): void {
    this.stopping = true;
    if (!this.exited) this.running.child.kill('SIGTERM');
  }

  /** Safe after kill() and between the runs of a rescan: `end` returns at once for a process already gone. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.cpuSeconds();
    this.stopping = true;
    await end(this.running.child);
  }
}
