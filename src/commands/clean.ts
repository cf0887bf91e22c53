// `mountbench clean`: remove containers and volumes that runs left behind (a crash, a killed process), and end their
// Mutagen sessions.
import { EXIT } from '../errors.js';
import pc from 'picocolors';
import { removeLabelled } from '../docker/cleanup.js';
import { defaultEnvironment, discoverEndpoints } from '../platforms/discover.js';
import { probeEndpoints } from '../platforms/probe.js';
import { terminateLeftSessions } from '../strategies/sync/mutagen.js';

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
  // Mutagen's sessions live in its own daemon, not in an engine: ended by their label, engine or not.
  const mutagen = terminateLeftSessions(options.run);
  if (mutagen) process.stdout.write(`${mutagen}\n`);
  if (reachable === 0) {
    process.stderr.write('no Docker engine answers; nothing to clean\n');
    return EXIT.cannotRun;
  }
  return EXIT.ok;
}
