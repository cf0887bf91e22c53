// Ask every endpoint who it is, and (for `mountbench platforms`) how its bind mounts are shared: the endpoint's
// answers become evidence, recognised by the same code as a pasted `docker info`.
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

/** Bind-mount a host directory read-only into a throw-away container and return its /proc/self/mountinfo, which
 * shows how the mount reaches it. `runId` labels the container, so a run's clean-up finds it if interrupted. */
export async function probeMountinfo(docker: Docker, image: string, hostDir: string, runId = `probe-${newRunId()}`): Promise<string> {
  const container = await docker.createContainer({
    Image: image,
    Entrypoint: ['cat'],
    Cmd: ['/proc/self/mountinfo'],
    Labels: labels(runId, 'probe'),
    HostConfig: { NetworkMode: 'none', Mounts: [{ Type: 'bind', Source: hostDir, Target: PROBE_TARGET, ReadOnly: true }] },
  });
  try {
    await container.start();
    await container.wait();
    const logs = (await container.logs({ stdout: true, stderr: false })) as unknown as Buffer;
    return demuxedText(logs);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/** How a bind mount of `hostDir` reaches the engine's containers, as the platform's kind names it. */
export async function probeFileSharing(docker: Docker, image: string, hostDir: string, kind: string, runId?: string): Promise<FileSharing> {
  const mounts = parseMountLines(await probeMountinfo(docker, image, hostDir, runId)).map((m) => ({ ...m, from: 'probe' }));
  return mountSharing(sharedMount(mounts, kind, PROBE_TARGET), kind);
}
