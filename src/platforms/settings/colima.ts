// Colima's settings: ~/.colima/<profile>/colima.yaml, which records what the profile was created with. Not its
// template (~/.colima/_templates/default.yaml): the template says `vmType: qemu`, `mountType: sshfs`, while Colima
// picks vz on macOS 13 and later and then virtiofs (test/recordings/settings/README.md). Defaults for a missing key
// are the template's comments: "Default: virtiofs (for vz), sshfs (for qemu)", "$HOME is mounted as writable".
import { join } from 'node:path';
import type { DiscoveryEnvironment } from '../environment.js';
import type { Endpoint } from '../endpoint.js';
import { emptySettings, settingsObject, macosAtLeast, numberOrNull, readText, stringOrNull, thisHost, type HostOs, type PlatformSettings, sharesThroughVirtiofs } from './settings.js';
import { expandHome, mountsOf } from './lima.js';

const change = (profile: string) => `colima stop${profileFlag(profile)} && colima start${profileFlag(profile)} --edit`;
const profileFlag = (profile: string) => (profile === 'default' ? '' : ` --profile ${profile}`);

/** The profile an endpoint reaches: from its socket (~/.colima/<profile>/docker.sock) or its name (colima-<profile>). */
export function colimaProfile(endpoint: Pick<Endpoint, 'name' | 'aliases' | 'host'>): string | null {
  const fromSocket = /\/\.colima\/([^/]+)\/docker\.sock$/.exec(endpoint.host)?.[1];
  if (fromSocket) return fromSocket;
  for (const name of [endpoint.name, ...endpoint.aliases]) {
    if (name === 'colima') return 'default';
    if (name.startsWith('colima-')) return name.slice('colima-'.length);
  }
  return null;
}

export function readColimaSettings(de: Pick<DiscoveryEnvironment, 'home'>, endpoint: Pick<Endpoint, 'name' | 'aliases' | 'host'>, host = thisHost()): PlatformSettings | null {
  const profile = colimaProfile(endpoint);
  if (!profile) return null;
  const file = join(de.home, '.colima', profile, 'colima.yaml');
  const text = readText(file);
  return text === null ? null : parseColimaSettings(text, file, { host, home: de.home, profile });
}

export function parseColimaSettings(text: string, source: string, where: { host: HostOs; home: string; profile: string }): PlatformSettings {
  const parsed = settingsObject(text, 'yaml');
  if ('problem' in parsed) return emptySettings(source, change(where.profile), parsed.problem, where.profile);
  const yaml = parsed.value;
  const settings = emptySettings(source, change(where.profile), null, where.profile);
  const { from } = settings;

  const vmType = stringOrNull(yaml.vmType);
  // Colima's DefaultVMType(): vz from macOS 13 on, qemu elsewhere.
  settings.vmType = vmType ?? (macosAtLeast(where.host, 13) ? 'vz' : 'qemu');
  from.vmType = vmType ? `vmType: ${vmType}` : `vmType not set: ${settings.vmType} (Colima's default here)`;
  const mountType = stringOrNull(yaml.mountType);
  settings.fileSharing = mountType ?? (sharesThroughVirtiofs(settings.vmType) ? 'virtiofs' : 'sshfs');
  from.fileSharing = mountType ? `mountType: ${mountType}` : `mountType not set: ${settings.fileSharing} (Colima's default for ${settings.vmType})`;
  settings.inotify = yaml.mountInotify === true;
  from.inotify = typeof yaml.mountInotify === 'boolean' ? `mountInotify: ${yaml.mountInotify}` : 'mountInotify not set: off';

  const mounts = mountsOf(yaml.mounts, where.home);
  settings.shared = mounts.length > 0 ? mounts : [{ path: expandHome('~', where.home), writable: true }];
  from.shared = mounts.length > 0 ? 'mounts' : 'mounts empty: $HOME, writable (Colima\'s default)';

  settings.cpus = numberOrNull(yaml.cpu);
  const memoryGiB = numberOrNull(yaml.memory);
  settings.memoryMiB = memoryGiB === null ? null : memoryGiB * 1024;
  if (settings.cpus !== null) from.cpus = `cpu: ${settings.cpus}`;
  if (memoryGiB !== null) from.memoryMiB = `memory: ${memoryGiB} (GiB)`;
  return settings;
}
