// Warm the caches a workload reads, untimed and once, so timed samples run offline and the network is not in them.
// The host's own npm fills a cache first (it has the user's registry, proxy and CA settings); each platform then gets
// a copy in a named volume. Without npm on the host, a container with network access fills the volume instead.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Priming } from '../model/run-document.js';
import type { Workload } from '../workloads/workload.js';
import { execCollect } from '../docker/exec.js';
import { labels, objectName } from '../util/labels.js';
import { NativeRunner } from './native-runner.js';
import { CONTAINER_CACHE_DIR, CONTAINER_PROJECT_DIR, copyFixture, copyIntoContainer, startContainer } from './containers.js';
import type { SandboxContext } from './sandbox.js';

function elapsedSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Fill a cache on the host. Returns its directory and how long it took. */
export async function primeOnHost(workload: Workload, workDir: string, runId: string): Promise<{ cacheDir: string; priming: Priming }> {
  const cacheDir = join(workDir, 'cache');
  const projectDir = join(workDir, 'prime');
  await mkdir(cacheDir, { recursive: true });
  await copyFixture(workload, projectDir);
  const start = process.hrtime.bigint();
  const result = await new NativeRunner(projectDir, runId).run(workload.prime!(cacheDir));
  await rm(projectDir, { recursive: true, force: true });
  if (result.exitCode !== 0) {
    throw new Error(`priming the cache on the host failed (exit ${result.exitCode}):\n${result.outputTail.trim()}`);
  }
  return { cacheDir, priming: { platform: 'host', workload: workload.name, seconds: elapsedSince(start), how: 'host npm' } };
}

/** Create the platform's cache volume and fill it (null: the workload has nothing to prime). */
export async function primePlatform(ctx: SandboxContext, workload: Workload): Promise<Priming | null> {
  const start = process.hrtime.bigint();
  await ctx.docker.createVolume({ Name: ctx.cacheVolume, Labels: labels(ctx.runId, 'cache') });
  if (!workload.prime) return null;
  const container = await startContainer(
    ctx,
    { name: objectName(ctx.runId, ctx.platformName, 'prime'), cellId: 'prime', mounts: [] },
    'prime',
    ctx.hostCacheDir === null,
  );
  try {
    if (ctx.hostCacheDir) {
      await copyIntoContainer(container, ctx.hostCacheDir, CONTAINER_CACHE_DIR, [], ctx.signal);
    } else {
      await execCollect(ctx.docker, container, ['mkdir', '-p', CONTAINER_PROJECT_DIR]);
      await copyIntoContainer(container, workload.fixtureDir, CONTAINER_PROJECT_DIR, workload.copyExclude, ctx.signal);
      const result = await execCollect(ctx.docker, container, ['sh', '-c', workload.prime!(CONTAINER_CACHE_DIR)], CONTAINER_PROJECT_DIR);
      if (result.exitCode !== 0) {
        throw new Error(
          `priming the cache in a container failed (exit ${result.exitCode}); does the platform reach the registry?\n` +
            (result.stdout + result.stderr).trim().slice(-2000),
        );
      }
    }
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
  return {
    platform: ctx.platformName,
    workload: workload.name,
    seconds: elapsedSince(start),
    how: ctx.hostCacheDir ? 'copy of the host cache' : 'npm in a container',
  };
}
