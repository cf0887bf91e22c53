// Colima: a Lima VM per profile, named like its context: colima for the default profile, colima-<profile> otherwise.
// A profile started with a custom host name keeps its context's name and socket (~/.colima/<profile>/docker.sock).
import { join } from 'node:path';
import { readColimaSettings } from '../settings/colima.js';
import { endpointClues, fieldClue, hostName, subdirectories, vmToolClues, type PlatformKind } from './kind.js';

const isColima = (name: string) => name === 'colima' || name.startsWith('colima-');

export const colima: PlatformKind<'colima'> = {
  id: 'colima',
  label: 'Colima',
  sockets: (de) =>
    subdirectories(join(de.home, '.colima')).map((profile) => ({
      name: profile === 'default' ? 'colima' : `colima-${profile}`,
      path: join(de.home, '.colima', profile, 'docker.sock'),
    })),
  recognise: (ev) => [
    ...(isColima(hostName(ev)) ? fieldClue(ev, 'likely', 'info.Name', () => true) : []),
    ...vmToolClues(ev, 'colima'),
    ...endpointClues(ev, isColima, /\/\.colima\/[^/]+\/docker\.sock$/),
  ],
  claims: isColima,
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /limactl|qemu-system|krunkit|sshfs|sftp-server/,
  start: (name) => (name === 'colima' ? 'colima start' : `colima start --profile ${name.slice('colima-'.length)}`),
  settings: (de, endpoint) => readColimaSettings(de, endpoint),
};
