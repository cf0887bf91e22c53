// The host's processes as /proc shows them — pid, parent, name, arguments, the sockets and /dev/fuse they hold — and
// how they are tied together (children, unix socket peers): what the sharing-layer and endpoint finders walk.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

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

export function withDescendants(roots: HostProcess[], all: HostProcess[]): HostProcess[] {
  const group = new Map(roots.map((p) => [p.pid, p]));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (!group.has(p.pid) && group.has(p.ppid)) (group.set(p.pid, p), (grew = true));
  }
  return [...group.values()];
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
export function unixPeers(group: HostProcess[], all: HostProcess[], peers: Map<string, string>): HostProcess[] {
  const owner = new Map<string, HostProcess>();
  for (const p of all) for (const s of p.sockets) owner.set(s, p);
  return [...new Set(group.flatMap((p) => [...p.sockets].flatMap((s) => owner.get(peers.get(s) ?? '') ?? [])))].filter((p) => !group.includes(p));
}

export function ssUnixSockets(): string {
  return spawnSync('ss', ['-x', '-a', '-n'], { encoding: 'utf8' }).stdout ?? '';
}
