// The host processes that serve a platform's bind mounts, whose CPU is the cost of file sharing that the container
// does not see. On Linux: the FUSE daemons whose mount point holds the shared directory (sshfs, bindfs: found by
// their open /dev/fuse and their arguments), their children (sshfs's ssh), and whoever serves those over loopback
// TCP (the sshd session at the other end) with its children. On a Mac: the processes of the platform's VM and
// file-sharing daemons, by the names its kind gives (untested here: no Mac).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { kindById } from './kinds/catalog.js';

export interface HostProcess {
  pid: number;
  ppid: number;
  comm: string;
  args: string[];
  /** Socket inodes it holds open. */
  sockets: Set<string>;
  fuse: boolean;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Every process of the host as /proc shows it (pid, parent, name, arguments, open sockets, /dev/fuse). */
export function scanProcesses(proc = '/proc'): HostProcess[] {
  const found: HostProcess[] = [];
  for (const entry of readdirSync(proc).filter((e) => /^\d+$/.test(e))) {
    const stat = readText(`${proc}/${entry}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const sockets = new Set<string>();
    let fuse = false;
    let fds: string[] = [];
    try {
      fds = readdirSync(`${proc}/${entry}/fd`);
    } catch {
      // a process of another user, or gone
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`${proc}/${entry}/fd/${fd}`);
        if (target === '/dev/fuse') fuse = true;
        const socket = /^socket:\[(\d+)\]$/.exec(target);
        if (socket) sockets.add(socket[1]);
      } catch {
        // closed meanwhile
      }
    }
    found.push({
      pid: Number(entry),
      ppid: Number(fields[1]),
      comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      args: (readText(`${proc}/${entry}/cmdline`) ?? '').split('\0').filter(Boolean),
      sockets,
      fuse,
    });
  }
  return found;
}

interface TcpSocket {
  local: string;
  remote: string;
  inode: string;
}

/** /proc/<pid>/net/tcp{,6} as the process's network namespace sees it. */
export function tcpSockets(pid: number, proc = '/proc'): TcpSocket[] {
  return ['tcp', 'tcp6'].flatMap((file) =>
    (readText(`${proc}/${pid}/net/${file}`) ?? '')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f.length > 9)
      .map((f) => ({ local: f[1], remote: f[2], inode: f[9] })),
  );
}

function withDescendants(roots: HostProcess[], all: HostProcess[]): HostProcess[] {
  const group = new Map(roots.map((p) => [p.pid, p]));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (!group.has(p.pid) && group.has(p.ppid)) (group.set(p.pid, p), (grew = true));
  }
  return [...group.values()];
}

/** The processes at the other end of the group's loopback TCP connections. */
function loopbackPeers(group: HostProcess[], all: HostProcess[], proc: string): HostProcess[] {
  const owner = new Map<string, HostProcess>();
  for (const p of all) for (const s of p.sockets) owner.set(s, p);
  const peers = new Map<number, HostProcess>();
  for (const p of group) {
    if (p.sockets.size === 0) continue;
    const table = tcpSockets(p.pid, proc);
    for (const mine of table.filter((s) => p.sockets.has(s.inode))) {
      const theirs = table.find((s) => s.local === mine.remote && s.remote === mine.local);
      const peer = theirs && owner.get(theirs.inode);
      if (peer && !group.includes(peer)) peers.set(peer.pid, peer);
    }
  }
  return [...peers.values()];
}

/** Unix socket peers by inode, from `ss -x -a -n` (the kernel tells socket peers only through sock_diag). */
export function unixSocketPeers(ssOutput: string): Map<string, string> {
  const peers = new Map<string, string>();
  for (const line of ssOutput.split('\n')) {
    const m = /\s(\d+)\s+\S+\s+(\d+)\s*$/.exec(line.replace(/users:\(.*\)$/, ''));
    if (m && m[2] !== '0') peers.set(m[1], m[2]);
  }
  return peers;
}

/** The processes at the other end of the group's unix socket pairs (sshfs's ssh, which its parent left to init). */
function unixPeers(group: HostProcess[], all: HostProcess[], peers: Map<string, string>): HostProcess[] {
  const owner = new Map<string, HostProcess>();
  for (const p of all) for (const s of p.sockets) owner.set(s, p);
  return [...new Set(group.flatMap((p) => [...p.sockets].flatMap((s) => owner.get(peers.get(s) ?? '') ?? [])))].filter((p) => !group.includes(p));
}

/** The FUSE daemons serving `sharedDir` and everything working for them (Linux): their children and unix socket
 * peers (sshfs's ssh), and the loopback TCP peers of those (the sshd session) with their children. */
export function fuseSharingProcesses(sharedDir: string, all: HostProcess[], proc = '/proc', ss = ssUnixSockets()): HostProcess[] {
  const daemons = all.filter((p) => p.fuse && p.args.some((a) => a.startsWith('/') && (sharedDir === a || sharedDir.startsWith(`${a.replace(/\/$/, '')}/`))));
  if (daemons.length === 0) return [];
  const near = withDescendants(daemons, all);
  const group = withDescendants([...near, ...unixPeers(near, all, unixSocketPeers(ss))], all);
  return withDescendants([...group, ...loopbackPeers(group, all, proc)], all);
}

function ssUnixSockets(): string {
  return spawnSync('ss', ['-x', '-a', '-n'], { encoding: 'utf8' }).stdout ?? '';
}

/** The processes serving a platform's bind mounts, and a phrase naming them; none when nothing is found. */
export function sharingProcesses(kind: string, mechanism: string | null, sharedDir: string): { pids: number[]; what: string } | null {
  if (process.platform === 'linux') {
    if (mechanism === 'none' || mechanism === null) return null;
    const group = fuseSharingProcesses(sharedDir, scanProcesses());
    if (group.length === 0) return null;
    return { pids: group.map((p) => p.pid), what: [...new Set(group.map((p) => p.comm))].join(', ') };
  }
  const names = kindById(kind)?.hostProcesses;
  if (!names) return null;
  const group = darwinProcesses().filter((p) => names.test(p.comm));
  return group.length ? { pids: group.map((p) => p.pid), what: [...new Set(group.map((p) => p.comm.split('/').pop()))].join(', ') } : null;
}

/** `ps` on macOS: pid, command path and cumulative CPU time ("[[dd-]hh:]mm:ss.ss"). */
export function parsePs(text: string): Array<{ pid: number; comm: string; cpuSeconds: number }> {
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\S+)\s+(.+?)\s*$/.exec(line))
    .flatMap((m) => (m ? [{ pid: Number(m[1]), cpuSeconds: psTime(m[2]), comm: m[3] }] : []));
}

function psTime(text: string): number {
  const [days, rest] = text.includes('-') ? text.split('-') : ['0', text];
  return rest.split(':').reduce((sum, part) => sum * 60 + Number(part), 0) + Number(days) * 86400;
}

/** Every process on macOS with its cumulative CPU time, from `ps`. */
export function darwinProcesses(): Array<{ pid: number; comm: string; cpuSeconds: number }> {
  return parsePs(spawnSync('ps', ['-axo', 'pid=,time=,comm='], { encoding: 'utf8' }).stdout ?? '');
}
