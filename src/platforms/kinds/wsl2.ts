// Docker Engine installed in a WSL2 distribution: a Linux engine on the WSL2 kernel.
import type { PlatformKind } from './kind.js';

export const wsl2: PlatformKind<'wsl2'> = {
  id: 'wsl2',
  label: 'Docker in WSL2',
  // It listens on the distribution's /var/run/docker.sock, which docker-linux lists as "default".
  sockets: () => [],
  recognise: (facts) => /microsoft-standard-WSL2/i.test(facts.info.KernelVersion ?? ''),
  // No endpoint name says WSL2: its "default" gets docker-linux's hint, which works there too.
  claims: () => false,
  start: () => 'sudo service docker start (in the WSL2 distribution)',
};
