// Docker Engine installed in a WSL2 distribution: a Linux engine on the WSL2 kernel. Windows drives reach it under
// /mnt/<drive> through 9p, or through virtiofs with `virtiofs=true` in .wslconfig (microsoft/WSL#14301, #40790).
import type { MountLine } from '../evidence/evidence.js';
import { readWslSettings } from '../settings/wsl.js';
import { fieldClue, type PlatformKind } from './kind.js';

export const WSL2_KERNEL = /microsoft-standard-WSL2/i;

const isDrvfs = (m: MountLine) => /^drvfs/i.test(m.source) || /aname=drvfs/.test(m.line);

export const wsl2: PlatformKind<'wsl2'> = {
  id: 'wsl2',
  label: 'Docker in WSL2',
  // It listens on the distribution's /var/run/docker.sock, which docker-linux lists as "default".
  sockets: () => [],
  recognise: (ev) => [
    ...fieldClue(ev, 'fallback', 'info.KernelVersion', (kernel) => WSL2_KERNEL.test(kernel)),
    // A Windows drive as WSL mounts it: 9p with aname=drvfs, or virtiofs from a drvfsC0-like source.
    ...ev.mounts.filter(isDrvfs).slice(0, 1).map((m) => ({ certainty: 'likely' as const, evidence: `a Windows drive mounted by WSL (${m.source} on ${m.mountPoint}, ${m.fstype}) — ${m.from}` })),
  ],
  vm: (ev) => (WSL2_KERNEL.test(ev.info.KernelVersion ?? '') ? 'wsl2' : null),
  // No endpoint name says WSL2: its "default" gets docker-linux's hint, which works there too.
  claims: () => false,
  start: () => 'sudo service docker start (in the WSL2 distribution)',
  settings: (de) => readWslSettings(de),
};
