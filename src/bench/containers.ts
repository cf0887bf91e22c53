// The Docker side of sandboxes: long-lived containers (`sleep infinity`, so each sample is one `docker exec`),
// labelled volumes, and copies of the project in and out. Strategy modules compose these.
import { rm } from 'node:fs/promises';
import type Docker from 'dockerode';
import { labels } from '../util/labels.js';
import type { Workload } from '../workloads/workload.js';
import { execCollect } from '../docker/exec.js';
import { ContainerRunner } from './container-runner.js';
import { copyTreeIntoContainer, copyTreeOnHost } from './project-copy.js';
import type { Sandbox, SandboxContext, SandboxPlace } from './sandbox.js';

/** Paths inside containers. */
export const CONTAINER_PROJECT_DIR = '/mountbench/project';
export const CONTAINER_CACHE_DIR = '/mountbench/cache';

export function bindMount(source: string, target: string): Docker.MountSettings {
  return { Type: 'bind', Source: source, Target: target };
}

export function volumeMount(name: string, target: string): Docker.MountSettings {
  return { Type: 'volume', Source: name, Target: target };
}

export interface ContainerSpec {
  name: string;
  cellId: string;
  mounts: Docker.MountSettings[];
}

/** `network`: whether the container needs the network (priming without a host cache); samples never do unless --online. */
export async function startContainer(ctx: SandboxContext, spec: ContainerSpec, role = 'cell', network = ctx.online): Promise<Docker.Container> {
  const container = await ctx.docker.createContainer({
    name: spec.name,
    Image: ctx.image,
    Entrypoint: ['sleep'],
    Cmd: ['infinity'],
    WorkingDir: CONTAINER_PROJECT_DIR,
    Labels: labels(ctx.runId, role, spec.cellId),
    HostConfig: {
      NetworkMode: network ? 'bridge' : 'none',
      Mounts: [volumeMount(ctx.cacheVolume, CONTAINER_CACHE_DIR), ...spec.mounts],
    },
  });
  await container.start();
  return container;
}

export async function createVolume(ctx: SandboxContext, name: string, cellId: string): Promise<void> {
  await ctx.docker.createVolume({ Name: name, Labels: labels(ctx.runId, 'cell', cellId) });
}

export async function removeVolume(docker: Docker, name: string): Promise<void> {
  await docker.getVolume(name).remove({ force: true }).catch(() => undefined);
}

/** Copy a host directory into a container, leaving out top-level entries named in `exclude` (see project-copy.ts). */
export async function copyIntoContainer(container: Docker.Container, hostDir: string, containerDir: string, exclude: string[] = [], signal?: AbortSignal): Promise<void> {
  await copyTreeIntoContainer(container, hostDir, containerDir, exclude, signal);
}

/** Copy a workload's starting files to a fresh host directory (see project-copy.ts). */
export async function copyFixture(workload: Workload, dir: string): Promise<void> {
  await copyTreeOnHost(workload.fixtureDir, dir, workload.copyExclude);
}

/** Where a container strategy puts the project. */
export interface ContainerLayout {
  mounts: Docker.MountSettings[];
  /** Volumes the layout created; removed with the sandbox. */
  volumes: string[];
  /** The project's copy on the host, behind a bind mount or kept in step by an engine that copies it; null: the project is
   * copied into the container instead. */
  hostProjectDir: string | null;
}

/** A sandbox in a container of its own, which a strategy may use further (an engine's server runs there). */
export type ContainerSandbox = Sandbox & { container: Docker.Container };

/** A sandbox in a long-lived container of its own, the project placed as the layout says. */
export async function containerSandbox(ctx: SandboxContext, workload: Workload, place: SandboxPlace, layout: ContainerLayout): Promise<ContainerSandbox> {
  let container: Docker.Container | null = null;
  const dispose = async () => {
    if (container) {
      // Files the container wrote into a bind mount belong to its user; remove them from inside.
      if (layout.mounts.some((m) => m.Type === 'bind')) await execCollect(ctx.docker, container, ['sh', '-c', workload.reset], CONTAINER_PROJECT_DIR).catch(() => undefined);
      await container.remove({ force: true, v: false }).catch(() => undefined);
    }
    for (const volume of layout.volumes) await removeVolume(ctx.docker, volume);
    await rm(place.hostDir, { recursive: true, force: true });
  };
  try {
    container = await startContainer(ctx, { name: place.name, cellId: place.cellId, mounts: layout.mounts });
    if (!layout.hostProjectDir) {
      await execCollect(ctx.docker, container, ['mkdir', '-p', CONTAINER_PROJECT_DIR]);
      await copyIntoContainer(container, workload.fixtureDir, CONTAINER_PROJECT_DIR, workload.copyExclude, ctx.signal);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    container,
    runner: new ContainerRunner(ctx.docker, container, CONTAINER_PROJECT_DIR, ctx.platform.ownKernel),
    projectDir: CONTAINER_PROJECT_DIR,
    cacheDir: CONTAINER_CACHE_DIR,
    hostProjectDir: layout.hostProjectDir,
    dispose,
  };
}
