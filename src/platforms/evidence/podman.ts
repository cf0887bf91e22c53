// Podman's own outputs: `podman machine inspect` (JSON; the provider shows only in its ConfigDir, .../machine/<provider>)
// and `podman info` (YAML as printed; when the machine is stopped, only the client's OS, provider and version).
import { machineProvider } from '../settings/podman.js';
import { at, isRecord, numberOrNull, stringOrNull } from '../settings/settings.js';
import { vmReport, type Info, type Piece } from './evidence.js';

export function podmanMachineInspectJson(json: unknown): Piece[] {
  const machines = (Array.isArray(json) ? json : [json]).filter((m) => isRecord(m) && (isRecord(m.ConfigDir) || isRecord(m.ConfigPath)) && 'Name' in m);
  if (machines.length === 0) return [];
  const vms = machines.map((m) => {
    const socket = stringOrNull(at(m, 'ConnectionInfo.PodmanSocket.Path'));
    return vmReport({
      kind: 'podman',
      tool: 'podman machine inspect',
      name: stringOrNull(at(m, 'Name')),
      vmType: machineProvider(m as Record<string, unknown>),
      socket: socket ? `unix://${socket}` : null,
      cpus: numberOrNull(at(m, 'Resources.CPUs')),
      memoryMiB: numberOrNull(at(m, 'Resources.Memory')),
      running: typeof at(m, 'State') === 'string' ? at(m, 'State') === 'running' : null,
    });
  });
  return [{ format: 'podman machine inspect', vms, endpointInVm: true }];
}

const line = (text: string, pattern: RegExp) => pattern.exec(text)?.[1];

/** `podman info` as printed. Its host block is the machine's (kernel, distribution, host name), not this computer's. */
export function podmanInfoText(text: string): Piece[] {
  const plain = text.replace(/\r/g, '');
  const provider = line(plain, /^provider:\s*(\S+)/m);
  const podmanHost = /^host:\s*$/m.test(plain) && /^\s+buildahVersion:/m.test(plain);
  if (!provider && !podmanHost) return [];
  const clientVersion = line(plain, /^Client:\s*\n(?:\s+.*\n)*?\s+Version:\s*(\S+)/m) ?? line(plain, /^version:\s*(\S+)$/m);
  const serverVersion = line(plain, /^version:\s*\n(?:\s+.*\n)*?\s+Version:\s*(\S+)/m);
  const info: Info = {
    KernelVersion: line(plain, /^\s+kernel:\s*(\S+)/m),
    Name: line(plain, /^\s+hostname:\s*(\S+)/m),
    OperatingSystem: line(plain, /^\s+distribution:\s*(\w+)\s*$/m),
    ServerVersion: serverVersion,
  };
  const stopped = /Cannot connect to Podman/.test(plain);
  return [
    {
      format: 'podman info',
      info: Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) as Info,
      vms: [vmReport({ kind: 'podman', tool: 'podman info', vmType: provider ?? null, version: clientVersion ?? serverVersion ?? null, running: stopped ? false : podmanHost ? true : null })],
    },
  ];
}

/** `podman machine ls`: a table whose VM TYPE column names each machine's provider (the default marked with *). */
export function podmanMachineLsText(text: string): Piece[] {
  const lines = text.replace(/\r/g, '').split('\n');
  const header = lines.findIndex((l) => /^NAME\s+VM TYPE\s+CREATED/.test(l));
  if (header < 0) return [];
  const vms = lines.slice(header + 1).flatMap((l) => {
    const match = /^(\S+?)(\*?)\s+(\S+)\s{2,}.*?(?:\s{2,}(\d+)\s{2,}(\d+)(GiB|MiB))?/.exec(l);
    return match ? [vmReport({ kind: 'podman', tool: 'podman machine ls', name: match[1], vmType: match[3], running: /Currently running/.test(l) })] : [];
  });
  return vms.length ? [{ format: 'podman machine ls', vms, endpointInVm: true }] : [];
}
