// Remove the containers and volumes a run created, found by label: after every run, on Ctrl-C, and for
// `mountbench clean` (leftovers of runs that crashed).
import type Docker from 'dockerode';
import { HOST_LABEL, ownerState, PID_LABEL, RUN_LABEL } from '../util/labels.js';

export interface Removed {
  containers: number;
  volumes: number;
}

/** What a removal did, and what it could not do, each with the engine's reason. */
export interface Removal extends Removed {
  failed: string[];
}

function reasonOf(error: Error): string {
  return error.message.replace(/^\(HTTP code \d+\) [a-z ]+- /, '');
}

/** The label filter of one run, or (runId undefined) of every mountbench run. */
function runFilter(runId?: string): string {
  return JSON.stringify({ label: [runId ? `${RUN_LABEL}=${runId}` : RUN_LABEL] });
}

/** Remove one run's objects (a run's own clean-up: they are its own, live or not). Nothing is swallowed: what could
 * not be listed or removed is said, with the engine's reason. */
export async function removeLabelled(docker: Docker, runId: string): Promise<Removal> {
  const filters = runFilter(runId);
  const failed: string[] = [];
  const containers = await docker.listContainers({ all: true, filters }).catch((error: Error) => (failed.push(`listing containers: ${reasonOf(error)}`), []));
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch((error: Error) => failed.push(`container ${c.Names?.[0]?.replace(/^\//, '') ?? c.Id}: ${reasonOf(error)}`))));
  // Volumes can only go once no container uses them.
  const { Volumes } = await docker.listVolumes({ filters }).catch((error: Error) => (failed.push(`listing volumes: ${reasonOf(error)}`), { Volumes: [] as Docker.VolumeInspectInfo[] }));
  await Promise.all((Volumes ?? []).map((v) => docker.getVolume(v.Name).remove({ force: true }).catch((error: Error) => failed.push(`volume ${v.Name}: ${reasonOf(error)}`))));
  return { containers: containers.length, volumes: (Volumes ?? []).length, failed };
}

export async function countLabelled(docker: Docker, runId?: string): Promise<Removed> {
  const filters = runFilter(runId);
  const containers = await docker.listContainers({ all: true, filters });
  const { Volumes } = await docker.listVolumes({ filters });
  return { containers: containers.length, volumes: (Volumes ?? []).length };
}

/** A run whose objects `clean` left where they are, and why. */
export interface KeptRun {
  run: string;
  why: string;
}

export interface Leftovers {
  /** What was removed, or with `dryRun` what would be. */
  removed: Removed;
  /** Runs left alone: still running, or another machine's. */
  kept: KeptRun[];
  /** Objects that could not be removed, each with the engine's reason. */
  failed: string[];
}

/** Remove what crashed runs left on this engine, never what a live run owns (its process is alive, or it is another
 * machine's, which cannot be checked from here). `runId`: only that run's. `dryRun`: only say what would go. */
export async function removeLeftovers(docker: Docker, options: { runId: string | null; dryRun: boolean }): Promise<Leftovers> {
  const filters = runFilter(options.runId ?? undefined);
  const containers = await docker.listContainers({ all: true, filters });
  const { Volumes } = await docker.listVolumes({ filters });
  const kept = new Map<string, string>();
  const leftOver = <T extends { Labels?: Record<string, string> | null }>(object: T): boolean => {
    const labels = object.Labels ?? undefined;
    const run = labels?.[RUN_LABEL] ?? '?';
    const state = ownerState(labels);
    if (state === 'gone') return true;
    kept.set(run, state === 'live' ? `still running (process ${labels?.[PID_LABEL]})` : `a run of ${labels?.[HOST_LABEL]}, which cannot be checked from here`);
    return false;
  };
  const doomedContainers = containers.filter(leftOver);
  const doomedVolumes = (Volumes ?? []).filter(leftOver);
  const failed: string[] = [];
  const attempt = async (what: string, remove: () => Promise<unknown>) => {
    await remove().catch((error: Error) => failed.push(`${what}: ${reasonOf(error)}`));
  };
  if (!options.dryRun) {
    await Promise.all(doomedContainers.map((c) => attempt(`container ${c.Names?.[0]?.replace(/^\//, '') ?? c.Id}`, () => docker.getContainer(c.Id).remove({ force: true }))));
    // Volumes can only go once no container uses them.
    await Promise.all(doomedVolumes.map((v) => attempt(`volume ${v.Name}`, () => docker.getVolume(v.Name).remove({ force: true }))));
  }
  return {
    removed: { containers: doomedContainers.length - failed.filter((f) => f.startsWith('container ')).length, volumes: doomedVolumes.length - failed.filter((f) => f.startsWith('volume ')).length },
    kept: [...kept].map(([run, why]) => ({ run, why })),
    failed,
  };
}
