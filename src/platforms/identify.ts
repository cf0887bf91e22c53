// What kind of platform an engine is, from its own answers. Pure: unit-tested against recorded outputs.
import type { PlatformIdentity } from '../results/schema.js';
import type { EngineFacts } from './engine.js';

export type PlatformKind =
  | 'docker-desktop'
  | 'orbstack'
  | 'rancher-desktop'
  | 'colima'
  | 'lima'
  | 'podman'
  | 'wsl2'
  | 'rootless-docker'
  | 'docker-linux'
  | 'unknown';

const KIND_LABELS: Record<PlatformKind, string> = {
  'docker-desktop': 'Docker Desktop',
  orbstack: 'OrbStack',
  'rancher-desktop': 'Rancher Desktop',
  colima: 'Colima',
  lima: 'Lima',
  podman: 'Podman',
  wsl2: 'Docker in WSL2',
  'rootless-docker': 'rootless Docker',
  'docker-linux': 'Docker on Linux',
  unknown: 'unknown engine',
};

export function platformKind({ info, version }: EngineFacts): PlatformKind {
  const name = (info.Name ?? '').toLowerCase();
  const os = info.OperatingSystem ?? '';
  const kernel = info.KernelVersion ?? '';
  if (version.Components?.some((c) => c.Name === 'Podman Engine')) return 'podman';
  if (os.startsWith('Docker Desktop') || name === 'docker-desktop' || version.Platform?.Name?.startsWith('Docker Desktop'))
    return 'docker-desktop';
  if (os.includes('OrbStack') || name === 'orbstack' || /-orbstack\b/.test(kernel)) return 'orbstack';
  if (name.startsWith('lima-rancher-desktop') || os.includes('Rancher Desktop')) return 'rancher-desktop';
  if (name === 'colima' || name.startsWith('colima-')) return 'colima';
  if (name.startsWith('lima-')) return 'lima';
  if (/microsoft-standard-WSL2/i.test(kernel)) return 'wsl2';
  if (info.SecurityOptions?.some((o) => o.split(',').includes('name=rootless'))) return 'rootless-docker';
  if ((info.OSType ?? 'linux') === 'linux' && os !== '') return 'docker-linux';
  return 'unknown';
}

/** "Docker Desktop 4.37.1 (178610)", "OrbStack", "Podman 4.3.1", "Docker on Linux 27.3.1". */
export function platformLabel(kind: PlatformKind, facts: EngineFacts): string {
  const platformName = facts.version.Platform?.Name;
  if (kind === 'docker-desktop' && platformName) return platformName;
  if (kind === 'podman') {
    const podman = facts.version.Components?.find((c) => c.Name === 'Podman Engine');
    return `Podman ${podman?.Version ?? facts.version.Version ?? ''}`.trim();
  }
  const engine = facts.info.ServerVersion ?? facts.version.Version;
  return engine ? `${KIND_LABELS[kind]} ${engine}` : KIND_LABELS[kind];
}

export function identify(
  endpoint: { name: string; host: string; source: string },
  facts: EngineFacts,
): Omit<PlatformIdentity, 'fileSharing'> {
  const kind = platformKind(facts);
  const { info, version } = facts;
  return {
    name: endpoint.name,
    endpoint: endpoint.host,
    source: endpoint.source,
    kind,
    label: platformLabel(kind, facts),
    engine: {
      product: version.Platform?.Name || (kind === 'podman' ? 'Podman Engine' : 'Docker Engine'),
      version: info.ServerVersion ?? version.Version ?? 'unknown',
      apiVersion: version.ApiVersion ?? null,
      os: info.OperatingSystem ?? 'unknown',
      kernel: info.KernelVersion ?? 'unknown',
      arch: info.Architecture ?? 'unknown',
      cpus: info.NCPU ?? 0,
      memoryBytes: info.MemTotal ?? 0,
      storageDriver: info.Driver ?? null,
    },
  };
}
