// hybrid ("Bind mount + volume"): the project bind-mounted as in `bind`, with a named volume over each dependency
// directory (node_modules), so the files the install writes stay inside the platform. The seed articles' fix.
import { join } from 'node:path';
import { bindMount, CONTAINER_PROJECT_DIR, containerSandbox, copyFixture, createVolume, volumeMount } from '../bench/containers.js';
import type { Strategy } from '../bench/strategy.js';

export const hybridStrategy: Strategy = {
  async createSandbox(ctx, workload, place) {
    const hostProjectDir = join(place.hostDir, 'project');
    await copyFixture(workload, hostProjectDir);
    const mounts = [bindMount(hostProjectDir, CONTAINER_PROJECT_DIR)];
    const volumes: string[] = [];
    for (const dep of workload.dependencyDirs) {
      const volume = `${place.name}-${dep}`.replace(/[^a-zA-Z0-9_.-]/g, '_');
      await createVolume(ctx, volume, place.cellId);
      volumes.push(volume);
      mounts.push(volumeMount(volume, `${CONTAINER_PROJECT_DIR}/${dep}`));
    }
    return containerSandbox(ctx, workload, place, { mounts, volumes, hostProjectDir });
  },
};
