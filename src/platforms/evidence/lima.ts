// `limactl list --json`: one JSON object per instance (name, status, dir, vmType, arch, cpus, memory, config).
// Colima's VMs are Lima instances under ~/.colima/_lima, so the directory says whose VM it is.
import { at, isRecord, numberOrNull, stringOrNull } from '../settings/settings.js';
import { vmReport, type Piece } from './evidence.js';

export function limaListJson(json: unknown): Piece[] {
  if (!isRecord(json) || typeof json.name !== 'string' || typeof json.status !== 'string' || !('dir' in json)) return [];
  const dir = stringOrNull(json.dir) ?? '';
  const memory = numberOrNull(json.memory);
  const colima = dir.includes('/.colima/') || dir.includes('/colima/_lima/');
  return [
    {
      format: 'limactl list --json',
      endpointInVm: true,
      vms: [
        vmReport({
          kind: colima ? 'colima' : 'lima',
          tool: 'limactl list --json',
          name: json.name,
          vmType: stringOrNull(json.vmType) ?? stringOrNull(at(json, 'config.vmType')),
          mountType: stringOrNull(at(json, 'config.mountType')),
          cpus: numberOrNull(json.cpus),
          memoryMiB: memory === null ? null : Math.round(memory / 2 ** 20),
          running: json.status === 'Running',
        }),
      ],
    },
  ];
}
