// Live only, on Linux: the process that holds the engine's endpoint (its unix socket, or its loopback TCP port). A
// VM monitor there (qemu forwarding the guest's API port) says the engine is in a VM, and which hypervisor runs it:
// what no answer of the engine itself can say.
import { endpointOwner } from '../endpoint-processes.js';
import { scanProcesses, type HostProcess } from '../processes.js';
import { vmReport, type Piece } from './evidence.js';

/** VM monitors by their process name, and the VM type they run. */
const MONITORS: Array<[RegExp, (p: HostProcess) => string]> = [
  [/^qemu-system-/, qemuType],
  [/^firecracker$/, () => 'firecracker'],
  [/^cloud-hyperviso/, () => 'cloud-hypervisor'],
  [/^crosvm$/, () => 'crosvm'],
];

/** qemu-kvm or qemu-tcg from its arguments (`-accel kvm`, `-enable-kvm`, `-machine accel=kvm`); qemu when unsaid. */
function qemuType(p: HostProcess): string {
  const args = p.args.join(' ');
  if (/-enable-kvm\b|(-accel |accel=)kvm\b/.test(args)) return 'qemu-kvm';
  if (/(-accel |accel=)tcg\b/.test(args)) return 'qemu-tcg';
  return 'qemu';
}

/** What the owner of the endpoint says: in a VM when it is a VM monitor; nothing when it is not found or is not. */
export function endpointOwnerPieces(owner: HostProcess | null): Piece[] {
  if (!owner) return [];
  const monitor = MONITORS.find(([name]) => name.test(owner.comm));
  const holds = `the process holding the endpoint (${owner.comm}, pid ${owner.pid})`;
  if (!monitor) return [{ format: holds, endpointInVm: false }];
  return [{ format: holds, endpointInVm: true, vms: [vmReport({ kind: 'linux-vm', tool: `a ${owner.comm} VM monitor`, vmType: monitor[1](owner) })] }];
}

/** The live endpoint's owner as evidence (Linux; elsewhere there is no /proc to ask). */
export function liveEndpointOwner(host: string, proc = '/proc'): Piece[] {
  if (process.platform !== 'linux') return [];
  try {
    return endpointOwnerPieces(endpointOwner(host, scanProcesses(proc), proc));
  } catch {
    return [];
  }
}
