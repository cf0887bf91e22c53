// native: the project on the host and the workload as a host process, no container: the reference of every ratio.
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { copyFixture } from '../bench/containers.js';
import { NativeRunner } from '../bench/native-runner.js';
import type { Strategy } from '../bench/strategy.js';

export const nativeStrategy: Strategy = {
  async createSandbox(ctx, workload, place) {
    const projectDir = join(place.hostDir, 'project');
    await copyFixture(workload, projectDir);
    return {
      runner: new NativeRunner(projectDir, ctx.runId),
      projectDir,
      // A workload without a cache never reads it.
      cacheDir: ctx.hostCacheDir ?? join(place.hostDir, 'no-cache'),
      hostProjectDir: projectDir,
      dispose: () => rm(place.hostDir, { recursive: true, force: true }),
    };
  },
};
