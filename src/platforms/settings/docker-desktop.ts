// Docker Desktop's settings: settings-store.json (4.35 and later; PascalCase keys, often only those changed from
// their defaults) or settings.json (4.34 and earlier; camelCase, every key). Where each lives, and the defaults
// used for a missing key: docs.docker.com/desktop/settings-and-maintenance/settings/ ("For macOS 12.5 and later,
// Apple Virtualization framework is the default", "VirtioFS ... is turned on by default"; "/Users, /Volumes,
// /private, /tmp and /var/folders" are shared by default on a Mac).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveryEnvironment } from '../environment.js';
import { emptySettings, settingsObject, macosAtLeast, numberOrNull, readText, thisHost, type HostOs, type PlatformSettings } from './settings.js';

const MAC_SHARED_BY_DEFAULT = ['/Users', '/Volumes', '/private', '/tmp', '/var/folders'];

const CHANGE =
  'Docker Desktop → Settings → General → Virtual Machine Options (VMM, file sharing implementation); ' +
  'Settings → Resources → File sharing (shared and synchronized directories); Apply & restart';

/** The settings files to look for, newest name first. */
export function dockerDesktopSettingsFiles(de: Pick<DiscoveryEnvironment, 'home' | 'env'>, host: HostOs): string[] {
  const dir =
    host.platform === 'darwin'
      ? join(de.home, 'Library', 'Group Containers', 'group.com.docker')
      : host.platform === 'win32'
        ? join(de.env.APPDATA || join(de.home, 'AppData', 'Roaming'), 'Docker')
        : join(de.home, '.docker', 'desktop');
  return ['settings-store.json', 'settings.json'].map((file) => join(dir, file));
}

export function readDockerDesktopSettings(de: Pick<DiscoveryEnvironment, 'home' | 'env'>, host = thisHost()): PlatformSettings | null {
  const file = dockerDesktopSettingsFiles(de, host).find((f) => existsSync(f));
  if (!file) return null;
  const text = readText(file);
  return text === null ? emptySettings(file, CHANGE, 'cannot be read') : parseDockerDesktopSettings(text, file, host);
}

export function parseDockerDesktopSettings(text: string, source: string, host: HostOs): PlatformSettings {
  const parsed = settingsObject(text, 'json');
  if ('problem' in parsed) return emptySettings(source, CHANGE, parsed.problem);
  const json = parsed.value;
  const settings = emptySettings(source, CHANGE);
  const from = settings.from;
  // settings-store.json says "UseGrpcfuse", settings.json "useGrpcfuse".
  const read = (key: string): unknown => json[key] ?? json[key[0].toLowerCase() + key.slice(1)];
  const shown = (key: string, value: unknown) => `${key}: ${JSON.stringify(value)}`;
  /** The key's boolean, else the default, noting which it was. */
  const flag = (key: string, byDefault: boolean, why: string): [boolean, string] => {
    const value = read(key);
    return typeof value === 'boolean' ? [value, shown(key, value)] : [byDefault, `${key} not set: ${byDefault} by default${why && ` ${why}`}`];
  };
  const strings = (key: string): string[] | null => {
    const value = read(key);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
  };

  settings.synchronized = strings('SynchronizedDirectories') ?? [];
  from.synchronized = read('SynchronizedDirectories') === undefined ? 'SynchronizedDirectories not set: none' : shown('SynchronizedDirectories', settings.synchronized);

  if (host.platform === 'win32') {
    const [wsl, wslWhy] = flag('WslEngineEnabled', true, 'where WSL 2 is installed');
    settings.vmType = wsl ? 'wsl2' : 'hyper-v';
    from.vmType = wslWhy;
    if (wsl) {
      const [grpc, grpcWhy] = flag('WslEnableGrpcfuse', false, '');
      settings.fileSharing = grpc ? 'grpcfuse' : '9p';
      from.fileSharing = grpc ? grpcWhy : `${grpcWhy}; Windows drives reach WSL 2 through 9P, files inside a WSL distribution are local`;
      from.cpus = from.memoryMiB = 'WSL 2 backend: set in %UserProfile%\\.wslconfig, not in Docker Desktop';
      return settings;
    }
    const [grpc, grpcWhy] = flag('UseGrpcfuse', true, '');
    settings.fileSharing = grpc ? 'grpcfuse' : null;
    from.fileSharing = grpcWhy;
  } else if (host.platform === 'darwin') {
    const modern = macosAtLeast(host, 12, 5);
    const era = modern ? 'on macOS 12.5 and later' : 'before macOS 12.5';
    const [krun, krunWhy] = flag('UseLibkrun', false, '');
    const [vz, vzWhy] = flag('UseVirtualizationFramework', modern, era);
    const [virtiofs, virtiofsWhy] = flag('UseVirtualizationFrameworkVirtioFS', modern, era);
    const [grpc, grpcWhy] = flag('UseGrpcfuse', true, '');
    settings.vmType = krun ? 'docker-vmm' : vz ? 'apple-virtualization' : host.arch === 'arm64' ? 'qemu' : 'hyperkit';
    // 4.86 replaced libkrun under Docker VMM with Docker's own hypervisor and kept the setting (docker/docs#25726).
    from.vmType = krun ? `${krunWhy}: Docker VMM (libkrun up to 4.79, Docker's own hypervisor from 4.86)` : `${krunWhy}, ${vzWhy}`;
    // Docker VMM shares through virtio-fs too; VirtioFS wins over gRPC FUSE when both are on.
    settings.fileSharing = krun || (vz && virtiofs) ? 'virtiofs' : grpc ? 'grpcfuse' : 'osxfs';
    from.fileSharing = krun ? krunWhy : vz && virtiofs ? `${vzWhy}, ${virtiofsWhy}` : `${virtiofsWhy}, ${grpcWhy}`;
    const shared = strings('FilesharingDirectories');
    settings.shared = (shared ?? MAC_SHARED_BY_DEFAULT).map((path) => ({ path, writable: true }));
    from.shared = shared ? shown('FilesharingDirectories', shared) : `FilesharingDirectories not set: ${MAC_SHARED_BY_DEFAULT.join(', ')} by default`;
  } else {
    // Docker Desktop for Linux: a QEMU VM, VirtioFS its only file sharing (docs: desktop/faqs/linuxfaqs).
    settings.vmType = 'qemu';
    settings.fileSharing = 'virtiofs';
    from.vmType = from.fileSharing = 'the only one Docker Desktop for Linux has';
    const shared = strings('FilesharingDirectories');
    if (shared) {
      settings.shared = shared.map((path) => ({ path, writable: true }));
      from.shared = shown('FilesharingDirectories', shared);
    }
  }
  settings.cpus = numberOrNull(read('Cpus'));
  settings.memoryMiB = numberOrNull(read('MemoryMiB'));
  if (settings.cpus !== null) from.cpus = shown('Cpus', settings.cpus);
  if (settings.memoryMiB !== null) from.memoryMiB = shown('MemoryMiB', settings.memoryMiB);
  return settings;
}
