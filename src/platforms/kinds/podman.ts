// Podman: a Docker-compatible API that the "Podman Engine" component in /version tells apart, and in /info its
// storage: DockerRootDir is containers/storage (/var/lib/containers/storage, or ~/.local/share/... rootless).
import { join } from 'node:path';
import type { EngineFacts } from '../engine.js';
import { readPodmanSettings } from '../settings/podman.js';
import { subdirectories, type PlatformKind } from './kind.js';

const podmanEngine = (facts: EngineFacts) => facts.version.Components?.find((c) => c.Name === 'Podman Engine');

export const podman: PlatformKind<'podman'> = {
  id: 'podman',
  label: 'Podman',
  sockets(de) {
    const machines = join(de.home, '.local', 'share', 'containers', 'podman', 'machine');
    const runtimeDir = de.env.XDG_RUNTIME_DIR;
    return [
      { name: 'podman-machine', path: join(machines, 'podman.sock') },
      ...subdirectories(machines).map((vm) => ({ name: `podman-${vm}`, path: join(machines, vm, 'podman.sock') })),
      ...(runtimeDir ? [{ name: 'podman', path: join(runtimeDir, 'podman', 'podman.sock') }] : []),
      { name: 'podman', path: join(de.root ?? '/', 'run/podman/podman.sock'), systemWide: true },
    ];
  },
  recognise: (facts) => podmanEngine(facts) !== undefined || /\/containers\/storage\/?$/.test(facts.info.DockerRootDir ?? ''),
  productLabel: (facts) => `Podman ${podmanEngine(facts)?.Version ?? facts.info.ServerVersion ?? facts.version.Version ?? ''}`.trim(),
  engineProduct: 'Podman Engine',
  claims: (name) => name.startsWith('podman'),
  start: () => 'podman machine start (macOS) or podman system service --time=0 (Linux)',
  settings: (_de, endpoint) => readPodmanSettings(endpoint),
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /vfkit|krunkit|gvproxy|qemu-system|podman/,
};
