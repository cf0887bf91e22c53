// `mountbench clean`: remove containers and volumes that runs left behind (a crash, a killed process), and what their
// strategies left outside the engines.
import { EXIT } from '../errors.js';
import pc from 'picocolors';
import { removeLabelled } from '../docker/cleanup.js';
import { defaultEnvironment, discoverEndpoints } from '../platforms/discover.js';
import { probeEndpoints } from '../platforms/probe.js';
import { STRATEGIES } from '../strategies/registry.js';

export async function cleanCommand(options: { context: string | null; run: string | null }): Promise<number> {
  const probed = await probeEndpoints(discoverEndpoints(defaultEnvironment(options.context ?? undefined)));
  let reachable = 0;
  for (const p of probed) {
    if (!p.docker) continue;
    reachable += 1;
    const removed = await removeLabelled(p.docker, options.run ?? undefined);
    process.stdout.write(
      `${p.endpoint.name}: removed ${removed.containers} container(s) and ${removed.volumes} volume(s)${
        removed.containers + removed.volumes === 0 ? pc.dim(' (nothing left behind)') : ''
      }\n`,
    );
  }
  // What strategies leave outside the engines (an engine's sessions in a daemon of its own), engine or not.
  for (const strategy of Object.values(STRATEGIES)) {
    const done = strategy.cleanLeftovers?.(options.run);
    if (done) process.stdout.write(`${done}\n`);
  }
  if (reachable === 0) {
    process.stderr.write('no Docker engine answers; nothing to clean\n');
    return EXIT.cannotRun;
  }
  return EXIT.ok;
}
