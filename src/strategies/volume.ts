// volume: the whole project in a named volume, copied in: fast, but invisible to the editor on the host.
import { CONTAINER_PROJECT_DIR, containerSandbox, createVolume, volumeMount } from '../bench/containers.js';
import type { Strategy } from '../bench/strategy.js';

export const volumeStrategy: Strategy = {
  async createSandbox(ctx, workload, place) {
    await createVolume(ctx, place.name, place.cellId);
    return containerSandbox(ctx, workload, place, {
      mounts: [volumeMount(place.name, CONTAINER_PROJECT_DIR)],
      volumes: [place.name],
      hostProjectDir: null,
    });
  },
};
