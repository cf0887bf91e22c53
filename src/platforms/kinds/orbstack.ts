// OrbStack (1.x and 2.x alike): names itself in OperatingSystem, the VM's host name and its kernel's suffix. Its
// own version is in none of the engine's answers, so its label carries the engine's.
import { join } from 'node:path';
import { endpointClues, fieldClue, type PlatformKind } from './kind.js';

export const orbstack: PlatformKind<'orbstack'> = {
  id: 'orbstack',
  label: 'OrbStack',
  sockets: (de) => [{ name: 'orbstack', path: join(de.home, '.orbstack', 'run', 'docker.sock') }],
  recognise: (ev) => [
    ...fieldClue(ev, 'certain', 'info.OperatingSystem', (os) => os.includes('OrbStack')),
    ...fieldClue(ev, 'likely', 'info.Name', (name) => name.toLowerCase() === 'orbstack'),
    ...fieldClue(ev, 'likely', 'info.KernelVersion', (kernel) => /-orbstack\b/.test(kernel)),
    ...endpointClues(ev, (name) => name === 'orbstack', /\/\.orbstack\/run\/docker\.sock$/),
  ],
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /OrbStack|orbstack/i,
  claims: (name) => name === 'orbstack',
  start: () => 'start OrbStack (orb start)',
};
