// Lima's settings: ~/.lima/<instance>/lima.yaml. Defaults for a missing key are those its templates/default.yaml
// documents: vmType "vz" on macOS 13.5 and later, else "qemu"; mountType "9p" for QEMU (since Lima 1.0; before,
// "reverse-sshfs") and "virtiofs" for vz; mounts `[]` (nothing); `writable` false; mountInotify off. The docker
// template inherits `template:_default/mounts`: the home directory, read-only.
import { join } from 'node:path';
import type { DiscoveryEnvironment } from '../environment.js';
import type { Endpoint } from '../endpoint.js';
import { at, emptySettings, settingsObject, isRecord, macosAtLeast, numberOrNull, readText, stringOrNull, thisHost, type HostOs, type PlatformSettings, type SharedDirectory, sharesThroughVirtiofs } from './settings.js';

const change = (instance: string) => `limactl stop ${instance} && limactl edit ${instance}`;

/** The instance an endpoint reaches: from its socket (~/.lima/<instance>/sock/docker.sock) or its name (lima-<instance>). */
export function limaInstance(endpoint: Pick<Endpoint, 'name' | 'aliases' | 'host'>): string | null {
  const fromSocket = /\/\.lima\/([^/]+)\/sock\/docker\.sock$/.exec(endpoint.host)?.[1];
  if (fromSocket) return fromSocket;
  const named = [endpoint.name, ...endpoint.aliases].find((name) => name.startsWith('lima-'));
  return named ? named.slice('lima-'.length) : null;
}

export function readLimaSettings(de: Pick<DiscoveryEnvironment, 'home'>, endpoint: Pick<Endpoint, 'name' | 'aliases' | 'host'>, host = thisHost()): PlatformSettings | null {
  const instance = limaInstance(endpoint);
  if (!instance) return null;
  const file = join(de.home, '.lima', instance, 'lima.yaml');
  const text = readText(file);
  return text === null ? null : parseLimaSettings(text, file, { host, home: de.home, instance });
}

export function expandHome(path: string, home: string): string {
  return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** Lima's and Colima's `mounts:` list: location, writable (false unless said); a location listed twice, once. */
export function mountsOf(value: unknown, home: string): SharedDirectory[] {
  if (!Array.isArray(value)) return [];
  const mounts = value.flatMap((m) => (isRecord(m) && typeof m.location === 'string' ? [{ path: expandHome(m.location, home), writable: m.writable === true }] : []));
  return mounts.filter((m, i) => mounts.findIndex((other) => other.path === m.path) === i);
}

/** Whether the file inherits Lima's default mounts (`base: [template:_default/mounts]`, or the same as a URL). */
function inheritsDefaultMounts(base: unknown): boolean {
  const entries = Array.isArray(base) ? base : [base];
  return entries.some((b) => /_default\/mounts(\.yaml)?$/.test(typeof b === 'string' ? b : String(at(b, 'url') ?? '')));
}

/** "4GiB" → 4096; Lima's sizes are binary units. */
function mebibytes(size: unknown): number | null {
  const match = typeof size === 'string' ? /^\s*([\d.]+)\s*([KMGT]i?B?)?\s*$/i.exec(size) : null;
  if (!match) return null;
  const power = { K: -1, M: 0, G: 1, T: 2 }[(match[2] ?? 'M')[0].toUpperCase() as 'K' | 'M' | 'G' | 'T'];
  return Number(match[1]) * 1024 ** power;
}

export function parseLimaSettings(text: string, source: string, where: { host: HostOs; home: string; instance: string }): PlatformSettings {
  const parsed = settingsObject(text, 'yaml');
  if ('problem' in parsed) return emptySettings(source, change(where.instance), parsed.problem, where.instance);
  const yaml = parsed.value;
  const settings = emptySettings(source, change(where.instance), null, where.instance);
  const { from } = settings;

  const vmType = stringOrNull(yaml.vmType);
  settings.vmType = vmType ?? (macosAtLeast(where.host, 13, 5) ? 'vz' : 'qemu');
  from.vmType = vmType ? `vmType: ${vmType}` : `vmType not set: ${settings.vmType} (Lima's default here)`;
  const mountType = stringOrNull(yaml.mountType);
  const effective = mountType ?? (sharesThroughVirtiofs(settings.vmType) ? 'virtiofs' : '9p');
  // reverse-sshfs is sshfs run from the VM back to the host: mountinfo says fuse.sshfs.
  settings.fileSharing = effective === 'reverse-sshfs' ? 'sshfs' : effective;
  from.fileSharing = mountType
    ? `mountType: ${mountType}`
    : `mountType not set: ${effective} (Lima's default for ${settings.vmType} since 1.0; reverse-sshfs before)`;
  settings.inotify = yaml.mountInotify === true;
  from.inotify = typeof yaml.mountInotify === 'boolean' ? `mountInotify: ${yaml.mountInotify}` : 'mountInotify not set: off';

  const own = yaml.mounts !== undefined && yaml.mounts !== null;
  if (own) {
    settings.shared = mountsOf(yaml.mounts, where.home);
    from.shared = settings.shared.length > 0 ? 'mounts (writable: false unless set)' : 'mounts: [] (nothing shared)';
  } else if (inheritsDefaultMounts(yaml.base)) {
    settings.shared = [{ path: where.home, writable: false }];
    from.shared = 'mounts from base template:_default/mounts: "~", read-only';
  } else {
    settings.shared = [];
    from.shared = 'mounts not set: nothing shared (Lima\'s default)';
  }

  settings.cpus = numberOrNull(yaml.cpus);
  settings.memoryMiB = mebibytes(yaml.memory);
  if (settings.cpus !== null) from.cpus = `cpus: ${settings.cpus}`;
  if (settings.memoryMiB !== null) from.memoryMiB = `memory: ${String(yaml.memory)}`;
  return settings;
}
