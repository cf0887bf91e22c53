// The host directories a VM platform shares with its engine, as its kernel has them mounted: a privileged probe
// container in the host's PID namespace (the VM's, as the engine's containers see it) reads /proc/1/mountinfo, the
// mounts of the VM's init, where virtiofs, 9p and FUSE shares are mounted. Nothing else tells what a VM with no
// settings file (a QEMU guest of one's own) shares.
import type Docker from 'dockerode';
import { labels, newRunId } from '../util/labels.js';
import { parseMountLines } from './evidence/mount-lines.js';
import { sharingMechanism } from './mountinfo.js';
import { demuxedText } from './probe.js';

export interface VmShare {
  /** Where the VM mounts it: the path a bind mount's source must be under. */
  path: string;
  fstype: string;
  mechanism: string;
}

// The engine's and the system's own trees: what is mounted there is not a share of the host's files.
const SYSTEM = /^\/(proc|sys|dev|run|var\/lib\/(docker|containerd|containers)|boot)(\/|$)/;

/** The shares in a VM's mountinfo: mounts whose file system crosses from a host (virtiofs, 9p, FUSE...), outside
 * the system's own trees, parents only, sorted. */
export function vmSharesFrom(mountinfo: string, kind?: string): VmShare[] {
  const shares = parseMountLines(mountinfo)
    .filter((m) => m.root !== null && m.mountPoint !== '/' && !SYSTEM.test(m.mountPoint))
    .map((m) => ({ path: m.mountPoint, fstype: m.fstype, mechanism: sharingMechanism(m.fstype, kind) }))
    .filter((s) => !['none', 'unknown'].includes(s.mechanism));
  const under = (child: string, parent: string) => child !== parent && child.startsWith(parent === '/' ? '/' : `${parent}/`);
  const parents = shares.filter((s) => !shares.some((o) => under(s.path, o.path)));
  return [...new Map(parents.map((s) => [s.path, s])).values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The VM's /proc/1/mountinfo through a privileged throw-away container with the host's (the VM's) PID namespace. */
export async function readVmMountinfo(docker: Docker, image: string, runId = `probe-${newRunId()}`): Promise<string> {
  const container = await docker.createContainer({
    Image: image,
    Entrypoint: ['cat'],
    Cmd: ['/proc/1/mountinfo'],
    Labels: labels(runId, 'probe'),
    HostConfig: { NetworkMode: 'none', PidMode: 'host', Privileged: true },
  });
  try {
    await container.start();
    await container.wait();
    return demuxedText((await container.logs({ stdout: true, stderr: false })) as unknown as Buffer);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/** The directories the platform shares, from its VM's mountinfo; null when the probe cannot run (say why). */
export async function readVmShares(docker: Docker, image: string, kind: string, runId?: string): Promise<{ shares: VmShare[] } | { problem: string }> {
  try {
    return { shares: vmSharesFrom(await readVmMountinfo(docker, image, runId), kind) };
  } catch (error) {
    return { problem: (error as Error).message.split('\n')[0].replace(/^\(HTTP code \d+\) [a-z ]+- /, '') };
  }
}
