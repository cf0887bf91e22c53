// OrbStack: names itself in OperatingSystem, the VM's host name and its kernel's suffix.
import { join } from 'node:path';
import { hostName, type PlatformKind } from './kind.js';

export const orbstack: PlatformKind<'orbstack'> = {
  id: 'orbstack',
  label: 'OrbStack',
  sockets: (de) => [{ name: 'orbstack', path: join(de.home, '.orbstack', 'run', 'docker.sock') }],
  recognise: (facts) =>
    (facts.info.OperatingSystem ?? '').includes('OrbStack') ||
    hostName(facts) === 'orbstack' ||
    /-orbstack\b/.test(facts.info.KernelVersion ?? ''),
  claims: (name) => name === 'orbstack',
  start: () => 'start OrbStack (orb start)',
};
