// A Podman machine's settings, from `podman machine inspect` (run only for an endpoint that is a machine's, and only
// when the podman CLI is there). Inspect names no VM type: the provider shows as the directory under machine/ of
// its ConfigDir (Podman 5+) or ConfigPath (Podman 4), e.g. .../machine/applehv, as `podman machine ls` calls it.
// Not `podman machine info`, which can name another provider (podman-container-tools/podman#29139).
import { spawnSync } from 'node:child_process';
import type { Endpoint } from '../endpoint.js';
import { socketPath } from '../endpoint.js';
import { at, emptySettings, isRecord, numberOrNull, stringOrNull, type PlatformSettings } from './settings.js';

const CHANGE = 'podman machine stop && podman machine set --cpus N --memory MiB; the VM type is chosen at init (podman machine init --provider, or CONTAINERS_MACHINE_PROVIDER)';

/** How each provider shares the host's directories (Podman 5's machine providers; QEMU used 9p up to Podman 4). */
const SHARING: Record<string, (podman5: boolean) => string> = {
  applehv: () => 'virtiofs',
  libkrun: () => 'virtiofs',
  hyperv: () => '9p',
  wsl: () => '9p',
  qemu: (podman5) => (podman5 ? 'virtiofs' : '9p'),
};

/** Whether the endpoint is a Podman machine's API socket (not the Linux service, which has no machine). */
export function isPodmanMachine(endpoint: Pick<Endpoint, 'name' | 'aliases' | 'host'>): boolean {
  const path = socketPath(endpoint.host) ?? '';
  return /\/podman\/machine\//.test(path) || /\/podman\/[^/]+-api\.sock$/.test(path) || [endpoint.name, ...endpoint.aliases].some((n) => n.startsWith('podman-machine'));
}

type Run = (args: string[]) => string | null;

const runPodman: Run = (args) => {
  const result = spawnSync('podman', args, { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout : null;
};

export function readPodmanSettings(endpoint: Pick<Endpoint, 'name' | 'aliases' | 'host'>, run: Run = runPodman): PlatformSettings | null {
  if (!isPodmanMachine(endpoint)) return null;
  const names = run(['machine', 'list', '--format', '{{.Name}}'])?.split('\n').map((n) => n.trim().replace(/\*$/, '')).filter(Boolean);
  if (!names?.length) return null;
  const output = run(['machine', 'inspect', ...names]);
  return output === null ? null : parsePodmanMachineInspect(output, `podman machine inspect ${names.join(' ')}`, socketPath(endpoint.host));
}

/** The machine whose API socket is the endpoint's, else the default machine, else the first. */
function pick(machines: Record<string, unknown>[], socket: string | null): Record<string, unknown> | undefined {
  return (
    machines.find((m) => socket !== null && at(m, 'ConnectionInfo.PodmanSocket.Path') === socket) ??
    machines.find((m) => m.Name === 'podman-machine-default') ??
    machines[0]
  );
}

/** The provider a machine of `podman machine inspect` runs on: the directory under machine/ of its config. */
export function machineProvider(machine: Record<string, unknown>): string | null {
  const configPath = stringOrNull(at(machine, 'ConfigDir.Path')) ?? stringOrNull(at(machine, 'ConfigPath.Path')) ?? '';
  const provider = /\/machine\/([^/]+)/.exec(configPath)?.[1] ?? null;
  return provider && !provider.endsWith('.json') ? provider : null;
}

export function parsePodmanMachineInspect(text: string, source: string, socket: string | null = null): PlatformSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return emptySettings(source, CHANGE, `not JSON: ${(error as Error).message}`);
  }
  const machine = pick((Array.isArray(json) ? json : [json]).filter(isRecord), socket);
  if (!machine) return emptySettings(source, CHANGE, 'no machine in the output');
  const settings = emptySettings(source, CHANGE, null, stringOrNull(machine.Name));
  const { from } = settings;
  const podman5 = at(machine, 'ConfigDir.Path') !== undefined;
  const configKey = podman5 ? 'ConfigDir.Path' : 'ConfigPath.Path';
  const configPath = stringOrNull(at(machine, configKey)) ?? '';
  const provider = machineProvider(machine);
  if (provider) {
    settings.vmType = provider;
    from.vmType = `${configKey}: ${configPath}`;
    const sharing = SHARING[provider];
    if (sharing) {
      settings.fileSharing = sharing(podman5);
      from.fileSharing = `how the ${provider} provider shares directories (Podman ${podman5 ? '5+' : '4'})`;
    }
  }
  settings.cpus = numberOrNull(at(machine, 'Resources.CPUs'));
  settings.memoryMiB = numberOrNull(at(machine, 'Resources.Memory'));
  if (settings.cpus !== null) from.cpus = `Resources.CPUs: ${settings.cpus}`;
  if (settings.memoryMiB !== null) from.memoryMiB = `Resources.Memory: ${settings.memoryMiB}`;
  return settings;
}
