// Colima: a Lima VM per profile, named like its context: colima for the default profile, colima-<profile> otherwise.
import { join } from 'node:path';
import { readColimaSettings } from '../settings/colima.js';
import { hostName, subdirectories, type PlatformKind } from './kind.js';

const isColima = (name: string) => name === 'colima' || name.startsWith('colima-');

export const colima: PlatformKind<'colima'> = {
  id: 'colima',
  label: 'Colima',
  sockets: (de) =>
    subdirectories(join(de.home, '.colima')).map((profile) => ({
      name: profile === 'default' ? 'colima' : `colima-${profile}`,
      path: join(de.home, '.colima', profile, 'docker.sock'),
    })),
  recognise: (facts) => isColima(hostName(facts)),
  claims: isColima,
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /limactl|qemu-system|sshfs|sftp-server/,
  start: (name) => (name === 'colima' ? 'colima start' : `colima start --profile ${name.slice('colima-'.length)}`),
  settings: (de, endpoint) => readColimaSettings(de, endpoint),
};
