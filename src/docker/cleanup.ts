// Remove the containers and volumes a run created, found by label: after every run, on Ctrl-C, and for
// `mountbench clean` (leftovers of runs that crashed).
import type Docker from 'dockerode';
import { RUN_LABEL } from '../util/labels.js';

export interface Removed {
  containers: number;
  volumes: number;
}

/** The label filter of one run, or (runId undefined) of every mountbench run. */
function runFilter(runId?: string): string {
  return JSON.stringify({ label: [runId ? `${RUN_LABEL}=${runId}` : RUN_LABEL] });
}

/** runId undefined: everything any mountbench run left on this engine. */
export async function removeLabelled(docker: Docker, runId?: string): Promise<Removed> {
  const filters = runFilter(runId);
  const containers = await docker.listContainers({ all: true, filters }).catch(() => []);
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  // Volumes can only go once no container uses them.
  const { Volumes } = await docker.listVolumes({ filters }).catch(() => ({ Volumes: [] as Docker.VolumeInspectInfo[] }));
  await Promise.all((Volumes ?? []).map((v) => docker.getVolume(v.Name).remove({ force: true }).catch(() => undefined)));
  return { containers: containers.length, volumes: (Volumes ?? []).length };
}

export async function countLabelled(docker: Docker, runId?: string): Promise<Removed> {
  const filters = runFilter(runId);
  const containers = await docker.listContainers({ all: true, filters });
  const { Volumes } = await docker.listVolumes({ filters });
  return { containers: containers.length, volumes: (Volumes ?? []).length };
}
