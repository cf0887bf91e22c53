// The live endpoint as evidence: the engine's answers from the API, the endpoint's name and host as discovery found
// them, and whether the engine's kernel is this machine's. The probe's mount lines are added once it has run.
import { release } from 'node:os';
import type { EngineFacts } from '../engine.js';
import { emptyEvidence, merge, type Evidence } from './evidence.js';
import { parseMountLines } from './mount-lines.js';

export const LIVE = 'the live engine';

export interface LiveHost {
  platform: NodeJS.Platform;
  /** os.release(): compared with the engine's KernelVersion. */
  kernel: string;
}

export const thisMachine = (): LiveHost => ({ platform: process.platform, kernel: release() });

export function liveEvidence(endpoint: { name: string; host: string }, facts: EngineFacts, host: LiveHost = thisMachine()): Evidence {
  const onThisKernel = host.platform === 'linux' && facts.info.KernelVersion === host.kernel;
  // Only a Linux host can say "the same kernel"; elsewhere every engine runs in some VM.
  const kernelIsHost = host.platform === 'linux' ? onThisKernel : false;
  return merge(emptyEvidence(), LIVE, [
    { format: 'GET /info and /version', info: facts.info, version: facts.version },
    { format: 'the endpoint as discovered', endpoint: { name: endpoint.name, host: endpoint.host } },
    { format: `this machine's kernel (${host.kernel}) against the engine's`, kernelIsHost },
  ]);
}

/** The probe container's /proc/self/mountinfo, added to the live evidence. */
export function withProbeMounts(evidence: Evidence, mountinfo: string): Evidence {
  return merge(evidence, LIVE, [{ format: "/proc/self/mountinfo of mountbench's probe container", mounts: parseMountLines(mountinfo) }]);
}
