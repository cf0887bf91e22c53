// bind ("Bind mount"): a copy of the project on the host, bind-mounted into the container: every file operation
// crosses the platform's file sharing (VirtioFS, gRPC FUSE, 9p, sshfs… or nothing on Linux).
import { join } from 'node:path';
import { bindMount, CONTAINER_PROJECT_DIR, containerSandbox, copyFixture } from '../bench/containers.js';
import type { Strategy } from '../bench/strategy.js';

export const bindStrategy: Strategy = {
  async createSandbox(ctx, workload, place) {
    const hostProjectDir = join(place.hostDir, 'project');
    await copyFixture(workload, hostProjectDir);
    return containerSandbox(ctx, workload, place, { mounts: [bindMount(hostProjectDir, CONTAINER_PROJECT_DIR)], volumes: [], hostProjectDir });
  },
};
