// Ask every endpoint who it is, and (for `mountbench platforms`) how its bind mounts are shared: the endpoint's
// answers become evidence, recognised by the same code as a pasted `docker info`.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { labels, newRunId } from '../util/labels.js';
import type { Endpoint } from './endpoint.js';
import { connect, readEngineFacts, unreachableReason } from './engine.js';
import { liveEndpointOwner } from './evidence/endpoint-owner.js';
import { merge, type Evidence } from './evidence/evidence.js';
import { LIVE, liveEvidence } from './evidence/live.js';
import { parseMountLines } from './evidence/mount-lines.js';
import { identify, mountSharing, platformIdentity, sharedMount, type Identification } from './identify.js';
import type { FileSharing, PlatformIdentity } from '../model/run-document.js';

export interface ProbedEndpoint {
  endpoint: Endpoint;
  docker: Docker | null;
  /** What the run document records; its file sharing is the probe's, added by listPlatforms. */
  identity: Omit<PlatformIdentity, 'fileSharing'> | null;
  evidence: Evidence | null;
  identification: Identification | null;
  unreachable: string | null;
}

export async function probeEndpoint(endpoint: Endpoint, timeoutMs = 5000): Promise<ProbedEndpoint> {
  try {
    const docker = connect(endpoint);
    // Who holds the endpoint on this machine (a VM monitor?) joins the engine's own answers.
    const evidence = merge(liveEvidence(endpoint, await readEngineFacts(docker, timeoutMs)), LIVE, liveEndpointOwner(endpoint.host));
    const identification = identify(evidence);
    const { fileSharing: _, ...identity } = platformIdentity(endpoint, identification);
    return { endpoint, docker, identity, evidence, identification, unreachable: null };
  } catch (error) {
    return { endpoint, docker: null, identity: null, evidence: null, identification: null, unreachable: unreachableReason(error) };
  }
}

export function probeEndpoints(endpoints: Endpoint[]): Promise<ProbedEndpoint[]> {
  return Promise.all(endpoints.map((e) => probeEndpoint(e)));
}

/** Where the probe container sees the host directory. */
export const PROBE_TARGET = '/mountbench/probe';

/** Logs of a container without a TTY come in frames: 8-byte header (stream, 0, 0, 0, size as uint32 BE), payload. */
export function demuxedText(buffer: Buffer): string {
  let text = '';
  for (let at = 0; at + 8 <= buffer.length; ) {
    const size = buffer.readUInt32BE(at + 4);
    text += buffer.subarray(at + 8, at + 8 + size).toString('utf8');
    at += 8 + size;
  }
  return text;
}

/** A file the probe writes in the host directory, to see that the container gets the host's directory and not a
 * directory of the same path in a VM (a VM's own /root or /home, which the engine bind-mounts without a word). */
async function writeMarker(hostDir: string): Promise<string | null> {
  const name = `.mountbench-probe-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(join(hostDir, name), 'written on the host by mountbench\'s file-sharing probe\n', { flag: 'wx' });
    return name;
  } catch {
    return null; // a directory we may not write in: the check is skipped, the mount line still says a lot
  }
}

/** What the probe prints when the marker written on the host is not in the container. */
const MARKER_UNSEEN = 'mountbench-probe: marker not seen';

/** The error when the container got a directory of the VM's own: worded like the engine's refusals (not-shared.ts). */
export function notTheHostsDirectory(hostDir: string): Error {
  return new Error(`bind source is the VM's own ${hostDir}, not the host's: a file written there on the host did not appear in the container`);
}

/** Bind-mount a host directory read-only into a throw-away container and return its /proc/self/mountinfo, which
 * shows how the mount reaches it; throws when the container does not see a file just written there on the host.
 * `runId` labels the container, so a run's clean-up finds it if interrupted. */
export async function probeMountinfo(docker: Docker, image: string, hostDir: string, runId = `probe-${newRunId()}`): Promise<string> {
  const marker = await writeMarker(hostDir);
  const command = marker
    ? { Entrypoint: ['sh', '-c'], Cmd: [`cat /proc/self/mountinfo; [ -e ${PROBE_TARGET}/${marker} ] || echo '${MARKER_UNSEEN}'`] }
    : { Entrypoint: ['cat'], Cmd: ['/proc/self/mountinfo'] };
  const container = await docker
    .createContainer({
      Image: image,
      ...command,
      Labels: labels(runId, 'probe'),
      HostConfig: { NetworkMode: 'none', Mounts: [{ Type: 'bind', Source: hostDir, Target: PROBE_TARGET, ReadOnly: true }] },
    })
    .catch(async (error: unknown) => {
      if (marker) await rm(join(hostDir, marker), { force: true });
      throw error;
    });
  try {
    await container.start();
    await container.wait();
    const logs = (await container.logs({ stdout: true, stderr: false })) as unknown as Buffer;
    const text = demuxedText(logs);
    if (text.includes(MARKER_UNSEEN)) throw notTheHostsDirectory(hostDir);
    return text;
  } finally {
    if (marker) await rm(join(hostDir, marker), { force: true }).catch(() => undefined);
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/** How a bind mount of `hostDir` reaches the engine's containers, as the platform's kind names it. */
export async function probeFileSharing(docker: Docker, image: string, hostDir: string, kind: string, runId?: string): Promise<FileSharing> {
  const mounts = parseMountLines(await probeMountinfo(docker, image, hostDir, runId)).map((m) => ({ ...m, from: 'probe' }));
  return mountSharing(sharedMount(mounts, kind, PROBE_TARGET), kind);
}
