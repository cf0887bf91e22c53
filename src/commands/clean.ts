// `mountbench clean`: remove containers and volumes that runs left behind (a crash, a killed process).
import { EXIT } from '../errors.js';
import pc from 'picocolors';
import { removeLabelled } from '../bench/cleanup.js';
import { defaultEnvironment, discoverEndpoints } from '../platforms/discover.js';
import { probeEndpoints } from '../platforms/probe.js';

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
  if (reachable === 0) {
    process.stderr.write('no Docker engine answers; nothing to clean\n');
    return EXIT.cannotRun;
  }
  return EXIT.ok;
}
