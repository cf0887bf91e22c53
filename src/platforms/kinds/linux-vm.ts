// A Docker engine in a Linux VM that no product claims: a QEMU guest of one's own, a cloud VM's engine forwarded to
// this machine, mountbench's VM lab. It is told from the engine's answers by facts a VM gives and a Linux host does
// not: its kernel is not this machine's (live only), its bind mounts cross into its kernel through virtiofs or 9p,
// its endpoint is held by a VM monitor (qemu). Every product (Docker Desktop, Lima, Colima, WSL2...) shows the same
// facts, so these are fallback clues that any product's own clue outranks.
import { hypervisorOf } from '../vm-types.js';
import { withEngineVersion, type Clue, type PlatformKind } from './kind.js';

/** Fstypes a bind mount shows when it crosses from a host into a VM's kernel. */
const INTO_A_VM = new Set(['virtiofs', '9p']);

export const LINUX_VM_LABEL = 'Docker in a Linux VM';

export const linuxVm: PlatformKind<'linux-vm'> = {
  id: 'linux-vm',
  label: LINUX_VM_LABEL,
  // Its endpoint is whatever forwards the guest's API: a context or DOCKER_HOST, never a well-known socket.
  sockets: () => [],
  recognise: (ev) => {
    if ((ev.info.OSType ?? 'linux') !== 'linux') return [];
    const clues: Clue[] = [];
    if (ev.kernelIsHost?.value === false) {
      clues.push({ certainty: 'fallback', evidence: `the engine's kernel (${ev.info.KernelVersion ?? 'unknown'}) is not this machine's — ${ev.kernelIsHost.from}` });
    }
    for (const vm of ev.vms.filter((v) => v.kind === 'linux-vm')) {
      clues.push({ certainty: 'fallback', evidence: `${vm.tool}${vm.vmType ? ` (${vm.vmType})` : ''} — ${vm.from}` });
    }
    // Mount lines alone name no platform: they count beside an engine's answers.
    const crossing = ev.info.OperatingSystem ? ev.mounts.find((m) => INTO_A_VM.has(m.fstype) && m.mountPoint !== '/') : undefined;
    if (crossing) clues.push({ certainty: 'fallback', evidence: `a ${crossing.fstype} mount at ${crossing.mountPoint}, as a host directory shared into a VM shows — ${crossing.from}` });
    return clues;
  },
  productLabel: (ev) => {
    const type = ev.vms.find((v) => v.kind === 'linux-vm' && v.vmType)?.vmType;
    const hypervisor = type ? hypervisorOf(type) : null;
    return withEngineVersion(hypervisor ? `${LINUX_VM_LABEL} (${hypervisor})` : LINUX_VM_LABEL, ev);
  },
  claims: () => false,
  start: () => 'start the VM, then its engine (for mountbench\'s VM lab: bash scripts/sharing-lab.sh up --vm)',
};
