// Lima: each instance is a VM named lima-<instance>; Colima and Rancher Desktop VMs are Lima VMs too. Its docker
// template runs Docker rootless inside, and its context is named after the instance (lima-docker).
import { join } from 'node:path';
import { readLimaSettings } from '../settings/lima.js';
import { endpointClues, fieldClue, hostName, subdirectories, vmToolClues, type PlatformKind } from './kind.js';

const isLima = (name: string) => name.startsWith('lima-');

export const lima: PlatformKind<'lima'> = {
  id: 'lima',
  label: 'Lima',
  sockets: (de) =>
    subdirectories(join(de.home, '.lima')).map((instance) => ({
      name: `lima-${instance}`,
      path: join(de.home, '.lima', instance, 'sock', 'docker.sock'),
    })),
  recognise: (ev) => [
    ...(isLima(hostName(ev)) ? fieldClue(ev, 'likely', 'info.Name', () => true) : []),
    ...vmToolClues(ev, 'lima'),
    ...endpointClues(ev, isLima, /\/\.lima\/[^/]+\/sock\/docker\.sock$/),
  ],
  claims: isLima,
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /limactl|qemu-system|krunkit|sshfs|sftp-server/,
  start: (name) => `limactl start ${name.slice('lima-'.length)}`,
  settings: (de, endpoint) => readLimaSettings(de, endpoint),
};
