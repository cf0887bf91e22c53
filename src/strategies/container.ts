// container ("No volumes"): the project copied into the container's own writable layer (overlay on most engines).
import { containerSandbox } from '../bench/containers.js';
import type { Strategy } from '../bench/strategy.js';

export const containerStrategy: Strategy = {
  createSandbox: (ctx, workload, place) => containerSandbox(ctx, workload, place, { mounts: [], volumes: [], hostProjectDir: null }),
};
