// The host processes that serve a platform's bind mounts, whose CPU is the cost of file sharing that the container
// does not see. On Linux: for a VM, the process that owns its engine's endpoint and what it runs and talks to
// (endpoint-processes.ts); for FUSE, the daemons whose mount point holds the shared directory (sshfs, bindfs: found
// by their open /dev/fuse and their arguments), their children (sshfs's ssh), and whoever serves those over loopback
// TCP (the sshd session at the other end) with its children. On a Mac: the processes of the platform's VM and
// file-sharing daemons, by the names its kind gives (untested here: no Mac).
import { spawnSync } from 'node:child_process';
import { endpointProcesses } from './endpoint-processes.js';
import { scanProcesses, ssUnixSockets, tcpSockets, unixPeers, unixSocketPeers, withDescendants, type HostProcess } from './processes.js';
import { kindById } from './kinds/catalog.js';

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

/** The FUSE daemons serving `sharedDir` and everything working for them (Linux): their children and unix socket
 * peers (sshfs's ssh), and the loopback TCP peers of those (the sshd session) with their children. */
export function fuseSharingProcesses(sharedDir: string, all: HostProcess[], proc = '/proc', ss = ssUnixSockets()): HostProcess[] {
  const daemons = all.filter((p) => p.fuse && p.args.some((a) => a.startsWith('/') && (sharedDir === a || sharedDir.startsWith(`${a.replace(/\/$/, '')}/`))));
  if (daemons.length === 0) return [];
  const near = withDescendants(daemons, all);
  const group = withDescendants([...near, ...unixPeers(near, all, unixSocketPeers(ss))], all);
  return withDescendants([...group, ...loopbackPeers(group, all, proc)], all);
}

/** File sharing that crosses into a VM's kernel: served by the VM's own processes on the host. */
const INTO_A_VM = new Set(['virtiofs', '9p', 'grpcfuse', 'osxfs']);

/** Whether a mechanism's bind mounts cross into a VM: then the processes serving them are the VM's own. */
export function sharingServesAVm(mechanism: string | null): boolean {
  return mechanism !== null && INTO_A_VM.has(mechanism);
}

/** The processes serving a platform's bind mounts, and a phrase naming them; none when nothing is found. A VM's
 * are found from its endpoint (the process that owns it, what it runs and talks to), FUSE daemons from the shared
 * directory; by name only on a Mac, where /proc is not there to ask. */
export function sharingProcesses(kind: string, mechanism: string | null, sharedDir: string, endpoint?: string): { pids: number[]; what: string } | null {
  if (process.platform === 'linux') {
    if (mechanism === 'none' || mechanism === null) return null;
    const all = scanProcesses();
    const group = INTO_A_VM.has(mechanism) && endpoint ? endpointProcesses(endpoint, all) : fuseSharingProcesses(sharedDir, all);
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
