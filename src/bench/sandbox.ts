// A cell's sandbox: where the project's files live for one strategy, and the runner that executes commands there.
// Containers are long-lived (one per cell, `sleep infinity`), so each sample is one `docker exec`.
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import type { StrategyName } from '../results/schema.js';
import type { Workload } from '../workloads/workload.js';
import { ContainerRunner, execCollect } from './container-runner.js';
import { labels, objectName } from '../util/labels.js';
import { NativeRunner } from './native-runner.js';
import type { CommandRunner } from './runner.js';

/** Paths inside containers. */
export const CONTAINER_PROJECT_DIR = '/mountbench/project';
export const CONTAINER_CACHE_DIR = '/mountbench/cache';

export interface Sandbox {
  runner: CommandRunner;
  /** Where the project is, as the runner sees it. */
  projectDir: string;
  /** Where the primed cache is, as the runner sees it. */
  cacheDir: string;
  /** The project as the host sees it (native, bind, hybrid); null when it lives only on the platform. */
  hostProjectDir: string | null;
  /** Put the project back in its starting state and remove everything this sandbox created. */
  dispose(): Promise<void>;
}

export interface PlatformContext {
  runId: string;
  platformName: string;
  docker: Docker;
  image: string;
  online: boolean;
  /** Named volume holding the primed cache on this platform. */
  cacheVolume: string;
  /** Host directory for this platform's and workload's host-side copies of the project. */
  hostWorkDir: string;
  /** Primed cache on the host (for `native`); null when the host cannot run the workload. */
  hostCacheDir: string | null;
}

export interface ContainerSpec {
  name: string;
  cellId: string;
  mounts: Docker.MountSettings[];
}

/** `network`: whether the container needs the network (priming without a host cache); samples never do unless --online. */
export async function startContainer(ctx: PlatformContext, spec: ContainerSpec, role = 'cell', network = ctx.online): Promise<Docker.Container> {
  const container = await ctx.docker.createContainer({
    name: spec.name,
    Image: ctx.image,
    Entrypoint: ['sleep'],
    Cmd: ['infinity'],
    WorkingDir: CONTAINER_PROJECT_DIR,
    Labels: labels(ctx.runId, role, spec.cellId),
    HostConfig: {
      NetworkMode: network ? 'bridge' : 'none',
      Mounts: [{ Type: 'volume', Source: ctx.cacheVolume, Target: CONTAINER_CACHE_DIR }, ...spec.mounts],
    },
  });
  await container.start();
  return container;
}

export async function createVolume(ctx: PlatformContext, name: string, cellId: string): Promise<void> {
  await ctx.docker.createVolume({ Name: name, Labels: labels(ctx.runId, 'cell', cellId) });
}

/** Copy a host directory into a container, leaving out top-level entries named in `exclude`. */
export async function copyIntoContainer(container: Docker.Container, hostDir: string, containerDir: string, exclude: string[] = []): Promise<void> {
  const skipped = new Set(exclude.map((name) => join(hostDir, name)));
  await container.putArchive(tar.pack(hostDir, { ignore: (path) => skipped.has(path) }), { path: containerDir });
}

/** Copy a workload's starting files to a fresh host directory. */
export async function copyFixture(workload: Workload, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const skipped = new Set(workload.copyExclude.map((name) => join(workload.fixtureDir, name)));
  await cp(workload.fixtureDir, dir, { recursive: true, filter: (source) => !skipped.has(source) });
}

async function removeContainer(container: Docker.Container): Promise<void> {
  await container.remove({ force: true, v: false }).catch(() => undefined);
}

export async function removeVolume(docker: Docker, name: string): Promise<void> {
  await docker.getVolume(name).remove({ force: true }).catch(() => undefined);
}

export async function createSandbox(
  ctx: PlatformContext,
  strategy: StrategyName,
  workload: Workload,
  cellId: string,
): Promise<Sandbox> {
  const hostProjectDir = join(ctx.hostWorkDir, strategy, 'project');
  const name = objectName(ctx.runId, ctx.platformName, workload.name, strategy);

  if (strategy === 'native') {
    await copyFixture(workload, hostProjectDir);
    return {
      runner: new NativeRunner(hostProjectDir),
      projectDir: hostProjectDir,
      // A workload without a cache never reads it.
      cacheDir: ctx.hostCacheDir ?? join(ctx.hostWorkDir, 'no-cache'),
      hostProjectDir,
      dispose: () => rm(join(ctx.hostWorkDir, strategy), { recursive: true, force: true }),
    };
  }

  const mounts: Docker.MountSettings[] = [];
  const volumes: string[] = [];
  const usesHostDir = strategy === 'bind' || strategy === 'hybrid';
  if (usesHostDir) {
    await copyFixture(workload, hostProjectDir);
    mounts.push({ Type: 'bind', Source: hostProjectDir, Target: CONTAINER_PROJECT_DIR });
  }
  if (strategy === 'hybrid') {
    for (const dep of workload.dependencyDirs) {
      const volume = `${name}-${dep}`.replace(/[^a-zA-Z0-9_.-]/g, '_');
      await createVolume(ctx, volume, cellId);
      volumes.push(volume);
      mounts.push({ Type: 'volume', Source: volume, Target: `${CONTAINER_PROJECT_DIR}/${dep}` });
    }
  }
  if (strategy === 'volume') {
    await createVolume(ctx, name, cellId);
    volumes.push(name);
    mounts.push({ Type: 'volume', Source: name, Target: CONTAINER_PROJECT_DIR });
  }
  if (strategy === 'sync') throw new Error('the sync strategy is not implemented yet');

  let container: Docker.Container | null = null;
  const dispose = async () => {
    if (container) {
      // Files the container wrote into a bind mount belong to its user; remove them from inside.
      if (usesHostDir) await execCollect(ctx.docker, container, ['sh', '-c', workload.reset], CONTAINER_PROJECT_DIR).catch(() => undefined);
      await removeContainer(container);
    }
    for (const volume of volumes) await removeVolume(ctx.docker, volume);
    if (usesHostDir) await rm(join(ctx.hostWorkDir, strategy), { recursive: true, force: true });
  };
  try {
    container = await startContainer(ctx, { name, cellId, mounts });
    if (!usesHostDir) {
      await execCollect(ctx.docker, container, ['mkdir', '-p', CONTAINER_PROJECT_DIR]);
      await copyIntoContainer(container, workload.fixtureDir, CONTAINER_PROJECT_DIR, workload.copyExclude);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    runner: new ContainerRunner(ctx.docker, container, CONTAINER_PROJECT_DIR),
    projectDir: CONTAINER_PROJECT_DIR,
    cacheDir: CONTAINER_CACHE_DIR,
    hostProjectDir: usesHostDir ? hostProjectDir : null,
    dispose,
  };
}
