// What a platform's own settings on the host say about how it shares files (for `mountbench doctor`). Each kind
// with settings has a reader in this folder: a pure parse of the file's text, and a small function that finds it.
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import { parse as parseYaml } from 'yaml';

export interface SharedDirectory {
  path: string;
  writable: boolean;
}

/** The values a reader yields; null where the file says nothing and the platform documents no default. */
export interface PlatformSettings {
  /** The file (or command) they were read from. */
  source: string;
  /** The Colima profile, Lima instance or Podman machine they belong to; null for an app's single settings. */
  instance: string | null;
  /** apple-virtualization, docker-vmm, qemu, hyperkit, wsl2, hyper-v, vz, krunkit, applehv, libkrun. */
  vmType: string | null;
  /** The mechanism as configured, in the words of a probe: virtiofs, grpcfuse, osxfs, 9p, sshfs. */
  fileSharing: string | null;
  /** Host directories shared with the VM (Docker Desktop's file sharing list, Lima's and Colima's mounts). */
  shared: SharedDirectory[] | null;
  /** Docker Desktop's synchronized file shares. */
  synchronized: string[] | null;
  /** Whether host file events are forwarded into the VM (Colima's and Lima's mountInotify). */
  inotify: boolean | null;
  cpus: number | null;
  memoryMiB: number | null;
  /** How each value was read: the keys that decided it, or the default it fell back to and why. */
  from: Partial<Record<SettingName, string>>;
  /** What made the file unreadable, if it was; its values are then all null. */
  problem: string | null;
  /** Where and how these settings are changed. */
  change: string;
}

export type SettingName = 'vmType' | 'fileSharing' | 'shared' | 'synchronized' | 'inotify' | 'cpus' | 'memoryMiB';

/** The host whose defaults apply: Docker Desktop, Lima and Rancher Desktop choose by OS and its version. */
export interface HostOs {
  platform: NodeJS.Platform;
  /** os.release(): the kernel's, "23.4.0" on macOS 14.4 (Darwin 23). */
  release: string;
  /** process.arch: Docker Desktop's fallback VMM is QEMU on Apple silicon, HyperKit on Intel. */
  arch: string;
}

export function thisHost(): HostOs {
  return { platform: process.platform, release: release(), arch: process.arch };
}

/** macOS's version from Darwin's (Darwin 22.6 is macOS 13.5, 23 is 14): compares [major, minor] with `at`. */
export function macosAtLeast(host: HostOs, major: number, minor = 0): boolean {
  if (host.platform !== 'darwin') return false;
  const [darwinMajor, darwinMinor] = host.release.split('.').map(Number);
  const [macMajor, macMinor] = [darwinMajor - 9, darwinMinor];
  return macMajor > major || (macMajor === major && macMinor >= minor);
}

export function emptySettings(source: string, change: string, problem: string | null = null, instance: string | null = null): PlatformSettings {
  return { source, instance, vmType: null, fileSharing: null, shared: null, synchronized: null, inotify: null, cpus: null, memoryMiB: null, from: {}, problem, change };
}

/** A file's text, or null when it cannot be read (missing, a directory, no permission). */
export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted path of nested objects ("virtualMachine.mount.type"), or undefined. */
export function at(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), root);
}

export const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A settings file's top-level object, or why there is none (empty text is an empty object: nothing configured). */
export function settingsObject(text: string, format: 'json' | 'yaml'): { value: Record<string, unknown> } | { problem: string } {
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : format === 'json' ? JSON.parse(text) : (parseYaml(text) ?? {});
  } catch (error) {
    return { problem: `not ${format === 'json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}` };
  }
  return isRecord(value) ? { value } : { problem: format === 'json' ? 'not a JSON object' : 'not a YAML mapping' };
}

/** Lima's and Colima's VM types whose mounts default to virtiofs: vz's default, and krunkit's only way (libkrun
 * shares host directories through virtio-fs and has no 9p device). */
export function sharesThroughVirtiofs(vmType: string | null): boolean {
  return vmType === 'vz' || vmType === 'krunkit';
}
