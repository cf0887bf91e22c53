// Apple's `container` (macOS 26): one lightweight VM per container (Virtualization.framework), bind mounts through
// virtiofs, named volumes as ext4 images. It has no Docker API of its own; socktainer serves one on
// ~/.socktainer/container.sock (context "socktainer"), answering /version with Platform.Name "socktainer" and /info
// with a ProductLicense naming both, its DockerRootDir the container app's root (socktainer's
// Sources/socktainer/Routes/InfoRoute.swift, VersionRoute: socktainer/socktainer#28).
import { join } from 'node:path';
import { readAppleContainerSettings } from '../settings/apple-container.js';
import { endpointClues, fieldClue, vmToolClues, type PlatformKind } from './kind.js';

export const appleContainer: PlatformKind<'apple-container'> = {
  id: 'apple-container',
  label: 'Apple container',
  sockets: (de) => [{ name: 'socktainer', path: join(de.home, '.socktainer', 'container.sock') }],
  recognise: (ev) => [
    ...fieldClue(ev, 'certain', 'version.Platform.Name', (name) => /^socktainer\b/i.test(name)),
    ...fieldClue(ev, 'certain', 'info.ProductLicense', (license) => /socktainer|Apple container/i.test(license)),
    ...fieldClue(ev, 'likely', 'info.DockerRootDir', (dir) => dir.includes('com.apple.container')),
    ...vmToolClues(ev, 'apple-container'),
    ...endpointClues(ev, (name) => name === 'socktainer', /\/\.socktainer\/container\.sock$/),
  ],
  productLabel: (ev) => {
    const version = ev.vms.find((vm) => vm.kind === 'apple-container' && vm.version)?.version ?? ev.info.ServerVersion;
    return version ? `Apple container ${version}` : 'Apple container';
  },
  vm: () => 'apple-virtualization',
  engineProduct: 'socktainer',
  claims: (name) => name === 'socktainer',
  start: () => 'container system start, then start socktainer',
  settings: () => readAppleContainerSettings(),
  // The container API server, each container's VM, and socktainer: their CPU is what sharing costs.
  hostProcesses: /container-apiserver|container-runtime-linux|socktainer|com\.apple\.Virtualization/,
};
