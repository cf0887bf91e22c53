// The real engine the integration tests run against (started by scripts/ensure-engine.sh before `npm test`).
import type Docker from 'dockerode';
import { defaultEnvironment, discoverEndpoints } from '../../src/platforms/discover.js';
import type { Endpoint } from '../../src/platforms/endpoint.js';
import { connect } from '../../src/platforms/engine.js';
import { countLabelled } from '../../src/docker/cleanup.js';

export function currentEndpoint(): Endpoint {
  return discoverEndpoints(defaultEnvironment()).find((e) => e.current)!;
}

export async function requireEngine(): Promise<Docker> {
  const docker = connect(currentEndpoint());
  try {
    await docker.ping();
  } catch (error) {
    throw new Error(`integration tests need a Docker engine (run: npm run engine): ${(error as Error).message}`);
  }
  return docker;
}

/** Containers and volumes a given run (or any run) left on the engine. */
export async function leftovers(docker: Docker, runId?: string): Promise<number> {
  const { containers, volumes } = await countLabelled(docker, runId);
  return containers + volumes;
}
