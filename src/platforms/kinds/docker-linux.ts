// Docker Engine on a Linux machine: any Linux engine no other kind recognised.
import { join } from 'node:path';
import type { PlatformKind } from './kind.js';

/** The socket the docker CLI uses when nothing names another. */
export const DEFAULT_SOCKET = '/var/run/docker.sock';

export const dockerLinux: PlatformKind<'docker-linux'> = {
  id: 'docker-linux',
  label: 'Docker on Linux',
  sockets: (de) => [{ name: 'default', path: join(de.root ?? '/', DEFAULT_SOCKET), systemWide: true }],
  recognise: (ev) =>
    (ev.info.OSType ?? 'linux') === 'linux' && (ev.info.OperatingSystem ?? '') !== ''
      ? [{ certainty: 'fallback', evidence: `a Linux engine no platform names (OperatingSystem: ${ev.info.OperatingSystem}) — ${ev.fieldFrom['info.OperatingSystem']}` }]
      : [],
  // On a Linux host an endpoint no other kind claims is a local dockerd; on a Mac the default socket is an app's.
  claims: () => process.platform === 'linux',
  start: () => 'sudo systemctl start docker (on a fresh Linux machine as root: npm run engine)',
};
