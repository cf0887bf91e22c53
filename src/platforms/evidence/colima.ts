// `colima status` (its log lines) and `colima status --json` (app/app.go's statusInfo: display_name, driver, arch,
// runtime, mount_type, docker_socket, cpu, memory).
import { isRecord, numberOrNull, stringOrNull } from '../settings/settings.js';
import { vmReport, type Piece } from './evidence.js';

/** Colima's driver label ("macOS Virtualization.Framework", "QEMU", krunkit) as its vmType. */
function vmTypeOf(driver: string | null): string | null {
  if (!driver) return null;
  if (/virtualization/i.test(driver)) return 'vz';
  if (/krun/i.test(driver)) return 'krunkit';
  if (/qemu/i.test(driver)) return 'qemu';
  return driver;
}

/** The profile a Colima socket belongs to: ~/.colima/<profile>/docker.sock. */
const profileOf = (socket: string | null) => (socket ? (/\/\.colima\/([^/]+)\/docker\.sock$/.exec(socket)?.[1] ?? null) : null);

export function colimaStatusJson(json: unknown): Piece[] {
  if (!isRecord(json) || !('driver' in json) || !('display_name' in json || 'mount_type' in json)) return [];
  const socket = stringOrNull(json.docker_socket) ?? stringOrNull(json.socket);
  const memory = numberOrNull(json.memory);
  return [
    {
      format: 'colima status --json',
      endpointInVm: true,
      vms: [
        vmReport({
          kind: 'colima',
          tool: 'colima status --json',
          name: profileOf(socket) ?? stringOrNull(json.display_name),
          vmType: vmTypeOf(stringOrNull(json.driver)),
          mountType: stringOrNull(json.mount_type),
          socket,
          cpus: numberOrNull(json.cpu),
          memoryMiB: memory === null ? null : Math.round(memory / 2 ** 20),
          running: true,
        }),
      ],
    },
  ];
}

export function colimaStatusText(text: string): Piece[] {
  const running = /(\S+) is running using (.+?)\s*$/m.exec(text);
  if (!running) return [];
  const socket = /^(?:.*\s)?(?:docker )?socket:\s*(unix:\/\/\S+)/m.exec(text)?.[1] ?? null;
  return [
    {
      format: 'colima status',
      endpointInVm: true,
      vms: [
        vmReport({
          kind: 'colima',
          tool: 'colima status',
          name: profileOf(socket) ?? running[1],
          vmType: vmTypeOf(running[2]),
          mountType: /mountType:\s*(\S+)/.exec(text)?.[1] ?? null,
          socket,
          running: true,
        }),
      ],
    },
  ];
}
