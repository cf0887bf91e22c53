// Ask every endpoint who it is, and (for `mountbench platforms`) how its bind mounts are shared.
import type Docker from 'dockerode';
import { labels, newRunId } from '../util/labels.js';
import type { FileSharing, PlatformIdentity } from '../model/run-document.js';
import type { Endpoint } from './endpoint.js';
import { connect, readEngineFacts, unreachableReason } from './engine.js';
import { identify } from './identify.js';
import { fileSharingOf, mountFor, parseMountinfo } from './mountinfo.js';

export interface ProbedEndpoint {
  endpoint: Endpoint;
  docker: Docker | null;
  identity: Omit<PlatformIdentity, 'fileSharing'> | null;
  unreachable: string | null;
}

export async function probeEndpoint(endpoint: Endpoint, timeoutMs = 5000): Promise<ProbedEndpoint> {
  try {
    const docker = connect(endpoint);
    const facts = await readEngineFacts(docker, timeoutMs);
    return { endpoint, docker, identity: identify(endpoint, facts), unreachable: null };
  } catch (error) {
    return { endpoint, docker: null, identity: null, unreachable: unreachableReason(error) };
  }
}

export function probeEndpoints(endpoints: Endpoint[]): Promise<ProbedEndpoint[]> {
  return Promise.all(endpoints.map((e) => probeEndpoint(e)));
}

const PROBE_TARGET = '/mountbench/probe';

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

/** Bind-mount a host directory read-only into a throw-away container and read the mount's file system type, as
 * the platform's kind names it. `runId` labels the container, so a run's clean-up finds it if this is interrupted. */
export async function probeFileSharing(docker: Docker, image: string, hostDir: string, kind: string, runId = `probe-${newRunId()}`): Promise<FileSharing> {
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
    return fileSharingOf(mountFor(parseMountinfo(demuxedText(logs)), PROBE_TARGET), kind);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}
