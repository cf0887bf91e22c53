// The host processes of a platform found from the platform itself, not from names: the process that owns the
// engine's endpoint (the VM monitor forwarding its API port: qemu here, a Mac's VM process there), what it runs (its
// children) and what it talks to over unix sockets (virtiofsd behind vhost-user, a 9p or gRPC FUSE server). On a
// VM platform their CPU is the cost of the file sharing that the container cannot see.
import { readFileSync } from 'node:fs';
import { socketPath } from './endpoint.js';
import { scanProcesses, ssUnixSockets, tcpSockets, unixPeers, unixSocketPeers, withDescendants, type HostProcess } from './processes.js';

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The inode of the unix socket listening at `path`, from /proc/net/unix. */
function unixListenerInode(path: string, proc: string): string | null {
  for (const line of (readText(`${proc}/net/unix`) ?? '').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length >= 8 && f.slice(7).join(' ') === path) return f[6];
  }
  return null;
}

/** "0100007F:5DC6" as [127.0.0.1, 23750]. */
function hexAddress(text: string): { ip: string; port: number } {
  const [ip, port] = text.split(':');
  const bytes = ip.length === 8 ? ip.match(/../g)!.map((b) => parseInt(b, 16)).reverse().join('.') : ip;
  return { ip: bytes, port: parseInt(port, 16) };
}

/** The process holding the socket that listens at the endpoint: its unix socket, or its loopback TCP port. */
export function endpointOwner(host: string, all: HostProcess[], proc = '/proc'): HostProcess | null {
  const owner = (inode: string | null) => (inode ? all.find((p) => p.sockets.has(inode)) ?? null : null);
  const path = socketPath(host);
  if (path) return owner(unixListenerInode(path, proc));
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    return null;
  }
  const port = Number(url.port || 2375);
  for (const p of all) {
    if (p.sockets.size === 0) continue;
    const listening = tcpSockets(p.pid, proc).find((s) => p.sockets.has(s.inode) && hexAddress(s.local).port === port && /^0+:0000$/.test(s.remote));
    if (listening) return p;
  }
  return null;
}

/** The endpoint's owner, what it runs and its unix socket peers with theirs; empty when the owner is not found. */
export function endpointProcesses(host: string, all = scanProcesses(), proc = '/proc', ss = ssUnixSockets()): HostProcess[] {
  const owner = endpointOwner(host, all, proc);
  if (!owner) return [];
  const near = withDescendants([owner], all);
  return withDescendants([...near, ...unixPeers(near, all, unixSocketPeers(ss))], all);
}
