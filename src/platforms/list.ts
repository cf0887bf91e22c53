// Every Docker endpoint found, each asked once who it is and how its bind mounts reach a host directory: what
// `mountbench platforms`, `doctor` and `clean` start from. The probe's mount lines join the endpoint's evidence, and
// the identification is made again from all of it, as `mountbench identify` would make it from the same lines.
import { anyLocalImage } from '../docker/images.js';
import type { PlatformIdentity } from '../model/run-document.js';
import { discoverEndpoints } from './discover.js';
import type { DiscoveryEnvironment } from './environment.js';
import { withProbeMounts } from './evidence/live.js';
import { identify, platformIdentity, type Identification } from './identify.js';
import { startHint } from './kinds/catalog.js';
import { diagnoseNotShared, notSharedRefusal, notSharedText, type NotShared } from './not-shared.js';
import { PROBE_TARGET, probeEndpoints, probeMountinfo, type ProbedEndpoint } from './probe.js';

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
  /** The identification behind `identity`: each answer with its clues and how sure they make us. */
  identification: Identification | null;
  note: string | null;
  /** The directory asked about is not shared with the platform's VM: what it does share, and what to do. */
  notShared: NotShared | null;
}

type Probed = { identification: Identification | null; note: string | null; notShared?: NotShared };

async function withFileSharing(p: ProbedEndpoint, image: string | null, hostDir: string): Promise<Probed> {
  if (!p.docker || !p.evidence) return { identification: null, note: `to start it: ${startHint(p.endpoint)}` };
  const found = await anyLocalImage(p.docker, image);
  if (!found) return { identification: p.identification, note: 'no local image to probe file sharing with (pass --image, or run mountbench run once)' };
  try {
    const mountinfo = await probeMountinfo(p.docker, found, hostDir);
    return { identification: identify(withProbeMounts(p.evidence, mountinfo), PROBE_TARGET), note: null };
  } catch (error) {
    // A directory its VM does not share: said in plain words, never as the engine's refusal.
    const refusal = notSharedRefusal(error);
    if (refusal) {
      const notShared = await diagnoseNotShared(p.docker, found, p.endpoint, p.identification?.kind ?? 'unknown', hostDir, refusal);
      return { identification: p.identification, note: notSharedText(p.endpoint.name, notShared), notShared };
    }
    const message = (error as Error).message.replace(/^\(HTTP code \d+\) [a-z ]+- /, '').slice(0, 160);
    return { identification: p.identification, note: `file-sharing probe failed: ${message}` };
  }
}

/** Every endpoint found, each asked once who it is, and how a bind mount of `hostDir` reaches its containers. */
export async function listPlatforms(de: DiscoveryEnvironment, image: string | null, hostDir: string): Promise<Listed[]> {
  const probed = await probeEndpoints(discoverEndpoints(de));
  const listed: Listed[] = [];
  for (const p of probed) {
    const { identification, note, notShared } = await withFileSharing(p, image, hostDir);
    listed.push({
      name: p.endpoint.name,
      aliases: p.endpoint.aliases,
      endpoint: p.endpoint.host,
      source: p.endpoint.source,
      current: p.endpoint.current,
      reachable: identification !== null,
      reason: p.unreachable,
      identity: identification ? platformIdentity(p.endpoint, identification) : null,
      identification,
      note,
      notShared: notShared ?? null,
    });
  }
  return listed;
}
