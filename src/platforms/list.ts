// Every Docker endpoint found, each asked once who it is and how its bind mounts reach a host directory: what
// `mountbench platforms`, `doctor` and `clean` start from.
import { anyLocalImage } from '../docker/images.js';
import type { FileSharing, PlatformIdentity } from '../model/run-document.js';
import { discoverEndpoints } from './discover.js';
import type { DiscoveryEnvironment } from './environment.js';
import { startHint } from './kinds/catalog.js';
import { probeEndpoints, probeFileSharing } from './probe.js';

/** One endpoint as listed: where it was found, whether it answers, what it is and how its bind mounts are shared. */
export interface Listed {
  name: string;
  aliases: string[];
  endpoint: string;
  source: string;
  current: boolean;
  reachable: boolean;
  reason: string | null;
  identity: PlatformIdentity | null;
  note: string | null;
}

/** Every endpoint found, each asked once who it is, and how a bind mount of `hostDir` reaches its containers. */
export async function listPlatforms(de: DiscoveryEnvironment, image: string | null, hostDir: string): Promise<Listed[]> {
  const probed = await probeEndpoints(discoverEndpoints(de));
  const listed: Listed[] = [];
  for (const p of probed) {
    let fileSharing: FileSharing | null = null;
    let note: string | null = null;
    if (p.docker && p.identity) {
      const found = await anyLocalImage(p.docker, image);
      if (found) {
        fileSharing = await probeFileSharing(p.docker, found, hostDir, p.identity.kind).catch((error: Error) => {
          note = `file-sharing probe failed: ${error.message.replace(/^\(HTTP code \d+\) [a-z ]+- /, '').slice(0, 160)}`;
          return null;
        });
      } else {
        note = 'no local image to probe file sharing with (pass --image, or run mountbench run once)';
      }
    }
    listed.push({
      name: p.endpoint.name,
      aliases: p.endpoint.aliases,
      endpoint: p.endpoint.host,
      source: p.endpoint.source,
      current: p.endpoint.current,
      reachable: p.identity !== null,
      reason: p.unreachable,
      identity: p.identity ? { ...p.identity, fileSharing } : null,
      note: p.identity ? note : `to start it: ${startHint(p.endpoint)}`,
    });
  }
  return listed;
}
