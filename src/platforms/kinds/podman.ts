// Podman: a Docker-compatible API that the "Podman Engine" component in /version tells apart, and in /info its
// storage: DockerRootDir is containers/storage (/var/lib/containers/storage, or ~/.local/share/... rootless). On a
// Mac or Windows it runs in a machine (Podman 6: libkrun by default on Apple silicon, applehv, WSL, Hyper-V, QEMU).
import { join } from 'node:path';
import type { Evidence } from '../evidence/evidence.js';
import { readPodmanSettings } from '../settings/podman.js';
import { endpointClues, fieldClue, subdirectories, vmToolClues, type Clue, type PlatformKind } from './kind.js';

const podmanEngine = (ev: Evidence) => ev.version.Components?.find((c) => c.Name === 'Podman Engine');

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
  recognise: (ev) => {
    const component = podmanEngine(ev);
    const clues: Clue[] = component ? [{ certainty: 'certain', evidence: `a Podman Engine ${component.Version ?? ''} component — ${ev.fieldFrom['version.Components']}` }] : [];
    return [
      ...clues,
      ...fieldClue(ev, 'likely', 'info.DockerRootDir', (dir) => /\/containers\/storage\/?$/.test(dir)),
      ...vmToolClues(ev, 'podman'),
      ...endpointClues(ev, (name) => name.startsWith('podman'), /\/podman\/[^/]*\.sock$|\/podman\/machine\//),
    ];
  },
  productLabel: (ev) => {
    const version = podmanEngine(ev)?.Version ?? ev.vms.find((vm) => vm.kind === 'podman' && vm.version)?.version ?? ev.info.ServerVersion ?? ev.version.Version ?? '';
    return `Podman ${version}`.trim();
  },
  engineProduct: 'Podman Engine',
  claims: (name) => name.startsWith('podman'),
  start: () => 'podman machine start (macOS) or podman system service --time=0 (Linux)',
  settings: (_de, endpoint) => readPodmanSettings(endpoint),
  // Its VM and file-sharing processes on a Mac: their CPU is the cost of sharing the container cannot see.
  hostProcesses: /vfkit|krunkit|gvproxy|qemu-system|podman/,
};
