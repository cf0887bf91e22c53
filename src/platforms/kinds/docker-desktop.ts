// Docker Desktop (macOS, Windows, Linux): names itself in OperatingSystem, the VM's host name and /version. Before
// it was Docker Desktop (17.x, 18.x) it was Docker for Mac and Docker for Windows: a VM named moby, kernel -moby.
import { join } from 'node:path';
import { readDockerDesktopSettings } from '../settings/docker-desktop.js';
import type { Evidence } from '../evidence/evidence.js';
import { endpointClues, fieldClue, hostName, mountClues, withEngineVersion, type PlatformKind } from './kind.js';
import { WSL2_KERNEL } from './wsl2.js';

const MOUNTS = {
  fakeowner: 'virtiofs', // its VirtioFS share seen through its ownership shim (docker/desktop-feedback#626)
  'fuse.grpcfuse': 'grpcfuse',
  osxfs: 'osxfs',
  'fuse.osxfs': 'osxfs',
};

/** Docker for Mac and Windows 17.x: the VM's host name "moby" with its -moby kernel (a dockerd in a container
 * there has a container ID for a name, as the docker-in-docker trap among the recordings shows). */
const legacyVm = (ev: Evidence) => hostName(ev) === 'moby' && /-moby$/.test(ev.info.KernelVersion ?? '');

const legacyProduct = (os: string) => /^Docker for (Mac|Windows)/.exec(os)?.[0];

export const dockerDesktop: PlatformKind<'docker-desktop'> = {
  id: 'docker-desktop',
  label: 'Docker Desktop',
  sockets: (de) => [
    { name: 'desktop-linux', path: join(de.home, '.docker', 'run', 'docker.sock') },
    { name: 'desktop-linux', path: join(de.home, '.docker', 'desktop', 'docker.sock') },
  ],
  recognise: (ev) => [
    ...fieldClue(ev, 'certain', 'info.OperatingSystem', (os) => os.startsWith('Docker Desktop') || legacyProduct(os) !== undefined),
    ...fieldClue(ev, 'certain', 'version.Platform.Name', (name) => name.startsWith('Docker Desktop')),
    ...fieldClue(ev, 'likely', 'info.Name', (name) => name.toLowerCase() === 'docker-desktop'),
    ...(legacyVm(ev) ? fieldClue(ev, 'likely', 'info.KernelVersion', () => true) : []),
    ...mountClues(ev, MOUNTS),
    // The source its fakeowner mounts carry, even where a paste lost the FSTYPE column.
    ...ev.mounts.filter((m) => m.source.startsWith('/run/host_mark/')).slice(0, 1).map((m) => ({ certainty: 'hint' as const, evidence: `a mount from ${m.source} at ${m.mountPoint} — ${m.from}` })),
    ...endpointClues(ev, (name) => name.startsWith('desktop-'), /\/\.docker\/(run|desktop)\/docker\.sock$/),
  ],
  // "Docker Desktop 4.37.1 (178610)": the app's version says more than the engine's; a Platform.Name without a
  // version ("Docker Desktop") says less, so the engine's is kept.
  productLabel: (ev) => {
    const platform = ev.version.Platform?.Name ?? '';
    if (platform.startsWith('Docker Desktop') && /\d/.test(platform)) return platform;
    const legacy = legacyProduct(ev.info.OperatingSystem ?? '') ?? (legacyVm(ev) ? 'Docker for Mac or Windows' : undefined);
    return withEngineVersion(legacy ?? 'Docker Desktop', ev);
  },
  vm: (ev) => (WSL2_KERNEL.test(ev.info.KernelVersion ?? '') ? 'wsl2' : null),
  claims: (name) => name.startsWith('desktop-'),
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /com\.docker\.(virtualization|krun|vmm|backend|vmnetd|hyperkit)|qemu-system|virtiofsd/,
  start: () => 'start Docker Desktop (open -a Docker)',
  settings: (de) => readDockerDesktopSettings(de),
  mounts: MOUNTS,
};
