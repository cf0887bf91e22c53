// Rancher Desktop's settings.json. Its keys moved with its settings version (pkg/rancher-desktop/config/
// settingsImpl.ts): the VM type from experimental.virtualMachine.type to virtualMachine.type in version 14, the
// mount type from experimental.virtualMachine.mount.type to virtualMachine.mount.type in 15. Defaults (settings.ts):
// vz and virtiofs on macOS 14 and later, else qemu and reverse-sshfs. On Windows it runs in WSL 2.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveryEnvironment } from '../environment.js';
import { at, emptySettings, settingsObject, macosAtLeast, numberOrNull, readText, stringOrNull, thisHost, type HostOs, type PlatformSettings } from './settings.js';

const CHANGE = 'Rancher Desktop → Preferences → Virtual Machine (Emulation: VM type; Volumes: mount type); Apply';

export function rancherDesktopSettingsFile(de: Pick<DiscoveryEnvironment, 'home' | 'env'>, host: HostOs): string {
  if (host.platform === 'darwin') return join(de.home, 'Library', 'Preferences', 'rancher-desktop', 'settings.json');
  if (host.platform === 'win32') return join(de.env.APPDATA || join(de.home, 'AppData', 'Roaming'), 'rancher-desktop', 'settings.json');
  return join(de.env.XDG_CONFIG_HOME || join(de.home, '.config'), 'rancher-desktop', 'settings.json');
}

export function readRancherDesktopSettings(de: Pick<DiscoveryEnvironment, 'home' | 'env'>, host = thisHost()): PlatformSettings | null {
  const file = rancherDesktopSettingsFile(de, host);
  if (!existsSync(file)) return null;
  const text = readText(file);
  return text === null ? emptySettings(file, CHANGE, 'cannot be read') : parseRancherDesktopSettings(text, file, host);
}

/** The first of the keys that holds a string, with its name. */
function firstString(json: unknown, keys: string[]): [string, string] | null {
  for (const key of keys) {
    const value = stringOrNull(at(json, key));
    if (value) return [key, value];
  }
  return null;
}

export function parseRancherDesktopSettings(text: string, source: string, host: HostOs): PlatformSettings {
  const parsed = settingsObject(text, 'json');
  if ('problem' in parsed) return emptySettings(source, CHANGE, parsed.problem);
  const json = parsed.value;
  const settings = emptySettings(source, CHANGE);
  const { from } = settings;
  if (host.platform === 'win32') {
    settings.vmType = 'wsl2';
    from.vmType = 'Rancher Desktop runs in WSL 2 on Windows';
  } else {
    const modern = macosAtLeast(host, 14);
    // Newer key first: a file migrated to version 14 or 15 has no experimental one left.
    const vm = firstString(json, ['virtualMachine.type', 'experimental.virtualMachine.type']);
    settings.vmType = vm?.[1] ?? (modern ? 'vz' : 'qemu');
    from.vmType = vm ? `${vm[0]}: ${vm[1]}` : `virtualMachine.type not set: ${settings.vmType} (the default here)`;
    const mount = firstString(json, ['virtualMachine.mount.type', 'experimental.virtualMachine.mount.type']);
    const mountType = mount?.[1] ?? (modern ? 'virtiofs' : 'reverse-sshfs');
    settings.fileSharing = mountType === 'reverse-sshfs' ? 'sshfs' : mountType;
    from.fileSharing = mount ? `${mount[0]}: ${mount[1]}` : `virtualMachine.mount.type not set: ${mountType} (the default here)`;
  }
  settings.cpus = numberOrNull(at(json, 'virtualMachine.numberCPUs'));
  const memoryGB = numberOrNull(at(json, 'virtualMachine.memoryInGB'));
  settings.memoryMiB = memoryGB === null ? null : memoryGB * 1024;
  if (settings.cpus !== null) from.cpus = `virtualMachine.numberCPUs: ${settings.cpus}`;
  if (memoryGB !== null) from.memoryMiB = `virtualMachine.memoryInGB: ${memoryGB}`;
  return settings;
}
