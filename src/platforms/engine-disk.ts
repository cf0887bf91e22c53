// How much the engine's own disk can still hold, asked of the engine: a throw-away container with a volume of the
// run reports `df -Pk` of its root (the container layers' file system) and of the volume (where named volumes live).
// On a VM platform that is the VM's disk, which the host's free space says nothing about.
import type Docker from 'dockerode';
import { labels, objectName } from '../util/labels.js';
import { demuxedText } from './probe.js';

/** Bytes free on the engine's side, where each kind of object writes. */
export interface EngineDisk {
  /** Where a container's own writable layer lives. */
  layers: number;
  /** Where named volumes live. */
  volumes: number;
}

const VOLUME_TARGET = '/mountbench/disk';

/** The bytes available on the file system mounted at `path`, from `df -Pk` output (POSIX format: filesystem,
 * 1024-blocks, used, available, capacity, mounted on); null when no line names it. */
export function availableBytes(dfOutput: string, path: string): number | null {
  for (const line of dfOutput.split(/\r?\n/)) {
    const match = line.match(/^\S.*?\s+\d+\s+\d+\s+(\d+)\s+\S+\s+(.+?)\s*$/);
    if (match && match[2] === path) return Number(match[1]) * 1024;
  }
  return null;
}

/** Run `df -Pk / <a volume>` in a container of `image` labelled with the run (a run's clean-up finds it and its
 * volume if interrupted); both are removed before it returns. */
export async function readEngineDisk(docker: Docker, image: string, runId: string, platform: string): Promise<EngineDisk> {
  const volume = objectName(runId, platform, 'disk');
  let container: Docker.Container | null = null;
  try {
    await docker.createVolume({ Name: volume, Labels: labels(runId, 'probe') });
    container = await docker.createContainer({
      Image: image,
      Entrypoint: ['df', '-Pk', '/', VOLUME_TARGET],
      Cmd: [],
      Labels: labels(runId, 'probe'),
      HostConfig: { NetworkMode: 'none', Mounts: [{ Type: 'volume', Source: volume, Target: VOLUME_TARGET }] },
    });
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    const text = demuxedText((await container.logs({ stdout: true, stderr: true })) as unknown as Buffer);
    const layers = availableBytes(text, '/');
    const volumes = availableBytes(text, VOLUME_TARGET);
    if (StatusCode !== 0 || layers === null || volumes === null) throw new Error(`df -Pk in the image ${image} did not say (exit ${StatusCode}): ${text.trim().slice(-200)}`);
    return { layers, volumes };
  } finally {
    await container?.remove({ force: true }).catch(() => undefined);
    await docker.getVolume(volume).remove({ force: true }).catch(() => undefined);
  }
}
