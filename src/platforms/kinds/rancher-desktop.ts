// Rancher Desktop: a Lima VM named lima-rancher-desktop on macOS and Linux, a WSL2 distribution on Windows.
import { join } from 'node:path';
import { readRancherDesktopSettings } from '../settings/rancher-desktop.js';
import { endpointClues, fieldClue, type PlatformKind } from './kind.js';

export const rancherDesktop: PlatformKind<'rancher-desktop'> = {
  id: 'rancher-desktop',
  label: 'Rancher Desktop',
  sockets: (de) => [{ name: 'rancher-desktop', path: join(de.home, '.rd', 'docker.sock') }],
  recognise: (ev) => [
    ...fieldClue(ev, 'certain', 'info.OperatingSystem', (os) => os.includes('Rancher Desktop')),
    ...fieldClue(ev, 'likely', 'info.Name', (name) => name.toLowerCase().startsWith('lima-rancher-desktop')),
    ...endpointClues(ev, (name) => name === 'rancher-desktop', /\/\.rd\/docker\.sock$/),
  ],
  claims: (name) => name === 'rancher-desktop',
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /Rancher Desktop|limactl|qemu-system|sftp-server/,
  start: () => 'start Rancher Desktop',
  settings: (de) => readRancherDesktopSettings(de),
};
