// What must not leave the machine, replaced by stable placeholders in every string of a shared result: this
// machine's host names, user names and home directory, any path under a home (Linux, macOS, Windows), the run's
// output directory and project, IP and MAC addresses, .local names and environment values. Counted per kind, so
// `share` can say what it removed. Without a machine identity (checking someone else's result), only the patterns
// apply: that is what a results repository's check runs.
import { hostname, homedir, userInfo } from 'node:os';

export interface MachineIdentity {
  hostnames: string[];
  usernames: string[];
  homes: string[];
  /** Where the run wrote its files, as its command line gave it. */
  outputDirs: string[];
  /** The project's name and the paths it was given as (a --project run). */
  projects: string[];
}

export const NO_IDENTITY: MachineIdentity = { hostnames: [], usernames: [], homes: [], outputDirs: [], projects: [] };

// Accounts every machine has, or every CI runner: replacing them would mangle text and hide nobody.
const GENERIC_USERS = new Set(['root', 'runner', 'admin', 'user', 'ubuntu', 'debian', 'node', 'docker', 'vagrant', 'ec2-user', 'ci', 'jenkins', 'build']);
const GENERIC_HOSTS = new Set(['localhost', 'docker-desktop', 'orbstack', 'colima', 'lima']);

/** This machine's names, from the OS and the usual environment variables. */
export function localIdentity(env: NodeJS.ProcessEnv = process.env): MachineIdentity {
  const host = hostname();
  const user = (() => {
    try {
      return userInfo().username;
    } catch {
      return '';
    }
  })();
  return {
    hostnames: [host, host.split('.')[0], env.HOSTNAME ?? '', env.COMPUTERNAME ?? ''],
    usernames: [user, env.USER ?? '', env.LOGNAME ?? '', env.USERNAME ?? '', env.SUDO_USER ?? ''],
    homes: [homedir(), env.HOME ?? '', env.USERPROFILE ?? ''],
    outputDirs: [],
    projects: [],
  };
}

export type RemovedKind =
  | 'environment value'
  | 'output directory'
  | 'project name or path'
  | 'home path'
  | 'path under a home'
  | 'host name'
  | 'user name'
  | 'IP address'
  | 'MAC address'
  | 'path in a command line'
  | 'mount line';

interface Rule {
  kind: RemovedKind;
  pattern: RegExp;
  replace: string | ((match: string, ...groups: string[]) => string);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name as a word of its own: not inside a longer name ("alice" in "malice", "root" in "rootless"). */
const word = (names: string[]) => new RegExp(`(?<![\\w.-])(?:${names.map(escape).join('|')})(?![\\w-])`, 'gi');
/** A path and whatever lies below it, but not a longer sibling ("/home/al" in "/home/alice"). */
const path = (paths: string[]) => new RegExp(`(?:${paths.map(escape).join('|')})(?![\\w.-])`, 'g');

const distinct = (values: string[], keep: (v: string) => boolean) =>
  [...new Set(values.map((v) => v.trim()).filter((v) => v !== '' && keep(v)))].sort((a, b) => b.length - a.length);

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Loopback and the unspecified address are the same on every machine and name nobody: they stay.
const IPV4 = new RegExp(`(?<![\\d.])(?!127\\.|0\\.0\\.0\\.0(?![\\d.]))${OCTET}(?:\\.${OCTET}){3}(?![\\d.])`, 'g');
// Eight groups, or fewer around a "::"; a clock time (13:51:36) has neither.
const IPV6 = /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}(?::[0-9a-f]{1,4}){1,6}|fe80::[0-9a-f:]+)(?![\w:])/gi;
const MAC = /(?<![\w:-])[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}(?![\w:-])/gi;

function rules(identity: MachineIdentity): Rule[] {
  const homes = distinct(identity.homes, (h) => h !== '/' && h.length > 1);
  const hosts = distinct(identity.hostnames, (h) => h.length >= 3 && !GENERIC_HOSTS.has(h.toLowerCase()));
  const users = distinct(identity.usernames, (u) => u.length >= 3 && !GENERIC_USERS.has(u.toLowerCase()));
  const outputs = distinct(identity.outputDirs, (o) => o.length > 1 && o !== '.');
  const projects = distinct(identity.projects, (p) => p.length >= 2 && p !== '.');
  const some = (list: string[], rule: () => Rule): Rule[] => (list.length ? [rule()] : []);
  return [
    // First: a value may hold any of the rest ("HOME=/home/alice" is one environment value, not a home).
    { kind: 'environment value', pattern: /\b([A-Z][A-Z0-9_]{2,})=(?!<\w+>)("[^"]*"|'[^']*'|[^\s"';,]+)/g, replace: (_m, name) => `${name}=<env>` },
    ...some(outputs, () => ({ kind: 'output directory', pattern: path(outputs), replace: '<output>' })),
    ...some(homes, () => ({ kind: 'home path', pattern: path(homes), replace: '<home>' })),
    { kind: 'home path', pattern: /(?:\/(?:home|Users|var\/home)\/|\b[A-Za-z]:[\\/]+Users[\\/]+)[^\s/\\"'<>:;,)]+/g, replace: '<home>' },
    // Below a home, only the tools' own places keep their shape (<home>/.orbstack/run/docker.sock, <home>/Library/…):
    // anything else there is the user's (a project, a client's name), whatever the run was.
    { kind: 'path under a home', pattern: /(?<=<home>[\\/]+)(?![.]|(?:Library|AppData)(?:[\\/]|$))[^\s"'<>:;,)]+/g, replace: '<path>' },
    ...some(projects, () => ({ kind: 'project name or path', pattern: word(projects), replace: '<project>' })),
    // A .local name whole, before this machine's name would leave "<host>.local".
    { kind: 'host name', pattern: /(?<![\w.-])[A-Za-z0-9][\w-]*\.(?:local|lan|home\.arpa|internal)(?![\w-])/g, replace: '<host>' },
    ...some(hosts, () => ({ kind: 'host name', pattern: word(hosts), replace: '<host>' })),
    ...some(users, () => ({ kind: 'user name', pattern: word(users), replace: '<user>' })),
    { kind: 'MAC address', pattern: MAC, replace: '<mac>' },
    { kind: 'IP address', pattern: IPV4, replace: '<ip>' },
    { kind: 'IP address', pattern: IPV6, replace: '<ip>' },
  ];
}

export class Redactor {
  private readonly rules: Rule[];
  readonly removed = new Map<RemovedKind, number>();
  /** Where each removal was found (a field path), for a check that must say where. */
  readonly where: Array<{ at: string; kind: RemovedKind }> = [];

  constructor(identity: MachineIdentity = NO_IDENTITY) {
    this.rules = rules(identity);
  }

  count(kind: RemovedKind, at: string, n = 1): void {
    this.removed.set(kind, (this.removed.get(kind) ?? 0) + n);
    for (let i = 0; i < n; i++) this.where.push({ at, kind });
  }

  /** Strings repeat (keys, units, statuses): each is swept once, its removals counted again on every repeat. */
  private readonly swept = new Map<string, { out: string; kinds: RemovedKind[] }>();

  text(value: string, at = ''): string {
    const known = this.swept.get(value);
    if (known) {
      for (const kind of known.kinds) this.count(kind, at);
      return known.out;
    }
    const kinds: RemovedKind[] = [];
    let out = value;
    for (const rule of this.rules) {
      out = out.replace(rule.pattern, (...args) => {
        kinds.push(rule.kind);
        const [match, ...groups] = args as string[];
        return typeof rule.replace === 'string' ? rule.replace : rule.replace(match, ...groups);
      });
    }
    for (const kind of kinds) this.count(kind, at);
    this.swept.set(value, { out, kinds });
    return out;
  }

  /** Every string anywhere in a JSON value, swept; object keys too. */
  value<T>(value: T, at = ''): T {
    if (typeof value === 'string') return this.text(value, at) as T;
    if (Array.isArray(value)) return value.map((v, i) => this.value(v, `${at}[${i}]`)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [this.text(k, at), this.value(v, at ? `${at}.${k}` : k)]),
      ) as T;
    }
    return value;
  }
}

const PLURAL: Record<RemovedKind, string> = {
  'environment value': 'environment values',
  'output directory': 'output directories',
  'project name or path': 'project names or paths',
  'home path': 'home paths',
  'path under a home': 'paths under a home',
  'host name': 'host names',
  'user name': 'user names',
  'IP address': 'IP addresses',
  'MAC address': 'MAC addresses',
  'path in a command line': 'paths in the command line',
  'mount line': 'mount lines',
};

/** "3 home paths, 1 host name": what a redactor removed, or "nothing". */
export function removedText(removed: ReadonlyMap<RemovedKind, number>): string {
  const parts = [...removed.entries()].filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${n === 1 ? kind : PLURAL[kind]}`);
  return parts.length ? parts.join(', ') : 'nothing';
}
