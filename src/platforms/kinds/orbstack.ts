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
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /OrbStack|orbstack/i,
  claims: (name) => name === 'orbstack',
  start: () => 'start OrbStack (orb start)',
};
