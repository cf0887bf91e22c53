// Docker Desktop (macOS, Windows, Linux): names itself in OperatingSystem, the VM's host name and /version.
import { join } from 'node:path';
import { readDockerDesktopSettings } from '../settings/docker-desktop.js';
import { hostName, withEngineVersion, type PlatformKind } from './kind.js';

export const dockerDesktop: PlatformKind<'docker-desktop'> = {
  id: 'docker-desktop',
  label: 'Docker Desktop',
  sockets: (de) => [
    { name: 'desktop-linux', path: join(de.home, '.docker', 'run', 'docker.sock') },
    { name: 'desktop-linux', path: join(de.home, '.docker', 'desktop', 'docker.sock') },
  ],
  recognise: (facts) =>
    (facts.info.OperatingSystem ?? '').startsWith('Docker Desktop') ||
    hostName(facts) === 'docker-desktop' ||
    (facts.version.Platform?.Name ?? '').startsWith('Docker Desktop'),
  // "Docker Desktop 4.37.1 (178610)": the app's version says more than the engine's.
  productLabel: (facts) => facts.version.Platform?.Name || withEngineVersion('Docker Desktop', facts),
  claims: (name) => name.startsWith('desktop-'),
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /com\.docker\.(virtualization|krun|backend|vmnetd|hyperkit)|qemu-system|virtiofsd/,
  start: () => 'start Docker Desktop (open -a Docker)',
  settings: (de) => readDockerDesktopSettings(de),
  mounts: {
    fakeowner: 'virtiofs', // its VirtioFS share seen through its ownership shim (docker/desktop-feedback#626)
    'fuse.grpcfuse': 'grpcfuse',
    osxfs: 'osxfs',
    'fuse.osxfs': 'osxfs',
  },
};
