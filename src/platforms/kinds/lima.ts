// Lima: each instance is a VM named lima-<instance>; Colima and Rancher Desktop VMs are Lima VMs too.
import { join } from 'node:path';
import { readLimaSettings } from '../settings/lima.js';
import { hostName, subdirectories, type PlatformKind } from './kind.js';

export const lima: PlatformKind<'lima'> = {
  id: 'lima',
  label: 'Lima',
  sockets: (de) =>
    subdirectories(join(de.home, '.lima')).map((instance) => ({
      name: `lima-${instance}`,
      path: join(de.home, '.lima', instance, 'sock', 'docker.sock'),
    })),
  recognise: (facts) => hostName(facts).startsWith('lima-'),
  claims: (name) => name.startsWith('lima-'),
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /limactl|qemu-system|sshfs|sftp-server/,
  start: (name) => `limactl start ${name.slice('lima-'.length)}`,
  settings: (de, endpoint) => readLimaSettings(de, endpoint),
};
