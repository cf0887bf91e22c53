// What kind of platform an engine is, from its own answers. Pure: unit-tested against recorded outputs.
import type { PlatformIdentity } from '../model/run-document.js';
import type { EngineFacts } from './engine.js';
import { kindById, PLATFORM_KINDS, type KindId } from './kinds/catalog.js';
import { withEngineVersion } from './kinds/kind.js';

/** The first kind, in the catalog's order, that recognises the engine. */
export function platformKind(facts: EngineFacts): KindId {
  return PLATFORM_KINDS.find((kind) => kind.recognise(facts))?.id ?? 'unknown';
}

/** "Docker Desktop 4.37.1 (178610)", "OrbStack 27.3.1", "Podman 4.3.1", "Docker on Linux 27.3.1". */
export function platformLabel(id: KindId, facts: EngineFacts): string {
  const kind = kindById(id);
  if (!kind) return withEngineVersion('unknown engine', facts);
  return kind.productLabel?.(facts) ?? withEngineVersion(kind.label, facts);
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
      product: version.Platform?.Name || (kindById(kind)?.engineProduct ?? 'Docker Engine'),
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
