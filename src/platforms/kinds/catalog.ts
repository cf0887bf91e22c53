// Every platform kind mountbench knows. Adding one: a file beside this one, and its place in both lists below.
import type { Endpoint } from '../endpoint.js';
import { appleContainer } from './apple-container.js';
import { colima } from './colima.js';
import { dockerDesktop } from './docker-desktop.js';
import { dockerLinux } from './docker-linux.js';
import type { PlatformKind } from './kind.js';
import { lima } from './lima.js';
import { linuxVm } from './linux-vm.js';
import { orbstack } from './orbstack.js';
import { podman } from './podman.js';
import { rancherDesktop } from './rancher-desktop.js';
import { rootlessDocker } from './rootless-docker.js';
import { wsl2 } from './wsl2.js';

// The order engines are recognised in. Each kind gives its clues, each with how sure it makes us (kind.ts): the
// surest clue wins, and between equally sure clues of two kinds, the one listed first. So a kind comes before every
// kind whose clues its engines would also give as surely:
// - Podman first: its Docker-compatible API looks like any Docker engine (rootless Podman even says name=rootless).
// - Docker Desktop before plain Docker on Linux, and before WSL2, whose kernel it runs on under Windows.
// - Rancher Desktop and Colima before Lima: their VMs are Lima VMs, named lima-rancher-desktop and colima.
// - WSL2 and rootless Docker before docker-linux, the fallback for any Linux engine; all three only ever give
//   fallback clues, which any product's own clue (even its endpoint's name) outranks.
// - linux-vm (an engine in a VM no product claims) just before docker-linux: a VM's facts (a kernel not the
//   host's, virtiofs or 9p mounts, a VM monitor holding the endpoint) are a fallback too, but a surer one than none.
// An engine no kind recognises is 'unknown'.
export const PLATFORM_KINDS = [
  podman,
  dockerDesktop,
  orbstack,
  appleContainer,
  rancherDesktop,
  colima,
  lima,
  wsl2,
  rootlessDocker,
  linuxVm,
  dockerLinux,
] as const;

export type KindId = (typeof PLATFORM_KINDS)[number]['id'] | 'unknown';

// The order well-known sockets are listed in, as `mountbench platforms` has always shown them. Only the listing
// depends on it: system-wide sockets, the ones symlinked to a platform's own, go last whatever it says (discover.ts).
export const DISCOVERY_ORDER: readonly PlatformKind[] = [
  dockerDesktop,
  orbstack,
  appleContainer,
  colima,
  lima,
  rancherDesktop,
  podman,
  wsl2,
  rootlessDocker,
  linuxVm,
  dockerLinux,
];

export function kindById(id: string): PlatformKind | undefined {
  return PLATFORM_KINDS.find((kind) => kind.id === id);
}

/** How to start the platform behind an endpoint, for the error that no engine answers. */
export function startHint(endpoint: Pick<Endpoint, 'name'>): string {
  const kind = PLATFORM_KINDS.find((k) => k.claims(endpoint.name));
  return kind ? kind.start(endpoint.name) : 'start Docker Desktop, OrbStack, Colima, Lima, Rancher Desktop or Podman';
}
