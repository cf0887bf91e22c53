// Rancher Desktop: a Lima VM named lima-rancher-desktop on macOS and Linux, a WSL2 distribution on Windows.
import { join } from 'node:path';
import { readRancherDesktopSettings } from '../settings/rancher-desktop.js';
import { hostName, type PlatformKind } from './kind.js';

export const rancherDesktop: PlatformKind<'rancher-desktop'> = {
  id: 'rancher-desktop',
  label: 'Rancher Desktop',
  sockets: (de) => [{ name: 'rancher-desktop', path: join(de.home, '.rd', 'docker.sock') }],
  recognise: (facts) =>
    hostName(facts).startsWith('lima-rancher-desktop') || (facts.info.OperatingSystem ?? '').includes('Rancher Desktop'),
  claims: (name) => name === 'rancher-desktop',
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /Rancher Desktop|limactl|qemu-system|sftp-server/,
  start: () => 'start Rancher Desktop',
  settings: (de) => readRancherDesktopSettings(de),
};
