// Mutagen as the sync engine, where its `mutagen` command is on PATH (the macOS standard): a session from the host
// copy (alpha) to the container's volume (beta, a docker:// URL; Mutagen reaches it with the docker CLI and
// DOCKER_HOST), flushed after each step, listed for problems, terminated at the end. The invocations and the parser
// of `mutagen sync list` are unit-tested against real outputs (test/recordings/mutagen); the driver itself is
// untested live here, where Mutagen cannot be installed.
import type { LeftoverScope } from '../../bench/strategy.js';
import { spawn, spawnSync } from 'node:child_process';
import { RUN_LABEL } from '../../util/labels.js';
import { lastLine } from '../../util/text.js';
import type { SyncPromises, SyncSession } from './engine.js';
import { ownProcess } from './processes.js';

/** The status of a session that has nothing left to do. */
export const MUTAGEN_IDLE = 'Watching for changes';
/** Mutagen's own temporary files (pkg/filesystem: TemporaryNamePrefix), which its scans skip. */
export const MUTAGEN_TEMPORARY = '^\\.mutagen-temporary-';

export function parseMutagenVersion(text: string): string | null {
  return /^\s*(\d+\.\d+\.\d+\S*)\s*$/m.exec(text)?.[1] ?? null;
}

export interface MutagenCreate {
  name: string;
  labels: Record<string, string>;
  hostRoot: string;
  container: string;
  containerRoot: string;
  ignore: readonly string[];
}

/** `mutagen sync create`: two-way, the host winning any conflict; -m is --sync-mode before 0.17, --mode since. */
export function mutagenCreateArgs(c: MutagenCreate): string[] {
  return [
    'sync', 'create',
    '--name', c.name,
    ...Object.entries(c.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
    '-m', 'two-way-resolved',
    ...c.ignore.flatMap((name) => ['--ignore', name]),
    c.hostRoot,
    `docker://${c.container}${c.containerRoot}`,
  ];
}

export const mutagenFlushArgs = (name: string) => ['sync', 'flush', name];
export const mutagenListArgs = (name: string) => ['sync', 'list', name];
export const mutagenTerminateArgs = (name: string) => ['sync', 'terminate', name];
/** The sessions runs left behind (a killed mountbench), all or one run's, found by the run label they carry. */
/** The sessions of crashed runs: one run's, or every labelled one but the live runs' (Kubernetes-style selectors). */
export function mutagenTerminateLeftArgs(scope: LeftoverScope): string[] {
  const others = [...scope.live].filter((id) => id !== scope.runId).sort();
  const selector = scope.runId ? `${RUN_LABEL}=${scope.runId}` : others.length > 0 ? `${RUN_LABEL},${RUN_LABEL} notin (${others.join(',')})` : RUN_LABEL;
  return ['sync', 'terminate', '--label-selector', selector];
}

/** `mountbench clean`'s Mutagen part: what it did, or null when Mutagen is not on PATH. A live run's sessions are
 * its own: left. */
export function terminateLeftSessions(scope: LeftoverScope): string | null {
  if (scope.runId && scope.live.has(scope.runId)) return null;
  const result = spawnSync('mutagen', mutagenTerminateLeftArgs(scope), { encoding: 'utf8', timeout: 60_000 });
  if (result.error) return null;
  return result.status === 0
    ? `Mutagen: the sessions of ${scope.runId ? `run ${scope.runId}` : 'crashed runs'} terminated`
    : `Mutagen: could not terminate the sessions labelled by mountbench: ${lastLine(result.stderr || result.stdout)}`;
}

export interface MutagenEndpoint {
  url: string | null;
  /** "Connected: Yes" (0.15 and later) or "Connection state: Connected" (before); null when not shown. */
  connected: boolean | null;
  /** Scan and transition problems, one line each (or their count, in the short listing). */
  problems: string[];
}

export interface MutagenSessionState {
  name: string | null;
  identifier: string | null;
  status: string | null;
  alpha: MutagenEndpoint;
  beta: MutagenEndpoint;
  conflicts: string[];
  lastError: string | null;
}

const emptyEndpoint = (): MutagenEndpoint => ({ url: null, connected: null, problems: [] });
const emptySession = (): MutagenSessionState => ({ name: null, identifier: null, status: null, alpha: emptyEndpoint(), beta: emptyEndpoint(), conflicts: [], lastError: null });

/** Depth of a line of the listing: a tab or 8 spaces a level, as Mutagen and pasted copies of it indent. */
function depth(line: string): number {
  const indent = /^[\t ]*/.exec(line)![0];
  return Math.ceil([...indent].reduce((cols, c) => cols + (c === '\t' ? 8 : 1), 0) / 8);
}

/** The sessions of a `mutagen sync list` (short or --long) listing. */
export function parseMutagenList(text: string): MutagenSessionState[] {
  const sessions: MutagenSessionState[] = [];
  let session: MutagenSessionState | null = null;
  let endpoint: MutagenEndpoint | null = null;
  let section: 'problems' | 'conflicts' | null = null;
  const current = () => (session ??= (sessions.push(emptySession()), sessions.at(-1)!));
  for (const raw of text.replace(/\r/g, '').split('\n')) {
    if (/^-{10,}\s*$/.test(raw)) {
      [session, endpoint, section] = [null, null, null];
      continue;
    }
    if (raw.trim() === '') continue;
    const level = depth(raw);
    const line = raw.trim();
    const field = /^([^:]+):\s*(.*)$/.exec(line);
    const [key, value] = field ? [field[1], field[2]] : [null, line];
    if (level === 0) {
      const s = current();
      [endpoint, section] = [null, null];
      if (key === 'Alpha' || key === 'Beta') endpoint = key === 'Alpha' ? s.alpha : s.beta;
      else if (key === 'Name') s.name = value;
      else if (key === 'Identifier' || key === 'Session') s.identifier = value;
      else if (key === 'Status') s.status = value;
      else if (key === 'Last error') s.lastError = value;
      else if (key === 'Conflicts') {
        if (/^\d+$/.test(value)) s.conflicts.push(`${value} conflicts`);
        else section = 'conflicts';
      }
    } else if (level === 1 && section === 'conflicts') {
      current().conflicts.push(line);
    } else if (level === 1 && endpoint) {
      section = null;
      if (key === 'URL') endpoint.url = value;
      else if (key === 'Connected') endpoint.connected = value === 'Yes';
      else if (key === 'Connection state') endpoint.connected = value === 'Connected';
      else if (key && /problems$/i.test(key)) {
        if (/^\d+$/.test(value)) endpoint.problems.push(`${value} ${key.toLowerCase()}`);
        else section = 'problems';
      }
    } else if (level >= 2 && endpoint && section === 'problems') {
      endpoint.problems.push(line);
    }
  }
  return sessions;
}

/** What keeps a session from being in step, in a few words each; none when it is. */
export function sessionProblems(s: MutagenSessionState): string[] {
  const problems: string[] = [];
  for (const [side, e] of [['alpha (host)', s.alpha], ['beta (container)', s.beta]] as const) {
    if (e.connected === false) problems.push(`${side} not connected`);
    problems.push(...e.problems.map((p) => `${side}: ${p}`));
  }
  problems.push(...s.conflicts.map((c) => `conflict: ${c}`));
  if (s.lastError) problems.push(`last error: ${s.lastError}`);
  if (s.status && s.status !== MUTAGEN_IDLE) problems.push(`status: ${s.status}`);
  return problems;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

/** Run `mutagen ARGS`; its stdout, or an error with its last line. A timeout ends it and resolves with null. */
function mutagen(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('mutagen', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    ownProcess(child);
    let [out, err] = ['', ''];
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal) resolve(null);
      else if (code === 0) resolve(out);
      else reject(new Error(`mutagen ${args.slice(0, 2).join(' ')} failed (exit ${code}): ${lastLine(err || out)}`));
    });
  });
}

export class MutagenSync implements SyncSession {
  readonly incidents: readonly string[] = [];
  readonly title: string;
  readonly how = 'a Mutagen session (two-way-resolved, the host winning conflicts), flushed after each step';
  /** Mutagen carries executability only, and no modification times (mutagen.io/documentation/synchronization/permissions). */
  readonly promises: SyncPromises = { mtime: false, mode: 'executable', symlinks: true, temporary: MUTAGEN_TEMPORARY };
  private terminated = false;

  private constructor(
    private readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly initialSyncSeconds: number,
    version: string,
  ) {
    this.title = `Mutagen ${version}`;
  }

  /** Create the session and flush it: the initial sync, timed; fails when the session then lists problems. */
  static async start(create: MutagenCreate, version: string, dockerHost: string, timeoutMs: number): Promise<MutagenSync> {
    const env = { DOCKER_HOST: dockerHost };
    const began = now();
    await mutagen(mutagenCreateArgs(create), env, timeoutMs);
    try {
      if ((await mutagen(mutagenFlushArgs(create.name), env, timeoutMs)) === null) throw new Error(`the initial Mutagen sync took more than ${timeoutMs / 1000} s`);
      const [state] = parseMutagenList((await mutagen(mutagenListArgs(create.name), env, timeoutMs)) ?? '');
      const problems = state ? sessionProblems(state) : ['the session is not listed'];
      if (problems.length > 0) throw new Error(`the Mutagen session is not in step: ${problems.join('; ')}`);
    } catch (error) {
      await mutagen(mutagenTerminateArgs(create.name), env, 30_000).catch(() => null);
      throw error;
    }
    return new MutagenSync(create.name, env, now() - began, version);
  }

  async flush(timeoutMs: number): Promise<void> {
    await mutagen(mutagenFlushArgs(this.name), this.env, timeoutMs);
  }

  cpuSeconds(): number | null {
    // The work happens in Mutagen's daemon, shared with the user's other sessions: not this session's alone.
    return null;
  }

  kill(): void {
    if (this.terminated) return;
    this.terminated = true;
    spawnSync('mutagen', mutagenTerminateArgs(this.name), { env: { ...process.env, ...this.env }, stdio: 'ignore', timeout: 10_000 });
  }

  async stop(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await mutagen(mutagenTerminateArgs(this.name), this.env, 30_000).catch(() => null);
  }
}
