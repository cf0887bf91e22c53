// What a platform is, from its evidence: kind, product, engine, VM and how bind mounts are shared, each with what it
// rests on. The one path for `platforms`, `doctor` (the live endpoint's evidence) and `identify` (pasted evidence).
import type { FileSharing, PlatformIdentity } from '../model/run-document.js';
import type { Evidence, MountLine } from './evidence/evidence.js';
import { kindById, type KindId } from './kinds/catalog.js';
import { withEngineVersion, type Certainty, type Clue } from './kinds/kind.js';
import { sharingMechanism } from './mountinfo.js';
import { recognise } from './recognise.js';
import { hypervisorOf } from './vm-types.js';

export interface Identification {
  kind: KindId;
  label: string;
  certainty: Certainty | null;
  clues: Clue[];
  others: Array<{ kind: string; certainty: Certainty }>;
  engine: PlatformIdentity['engine'];
  /** The VM the engine runs in: its type, the hypervisor behind it, and what said so. */
  vm: { type: string | null; hypervisor: string | null; from: string } | null;
  /** How a bind mount reaches a container: seen in a mount line, else as a VM tool says it is configured. */
  fileSharing: (FileSharing & { seen: boolean; from: string }) | null;
  kernelIsHost: Evidence['kernelIsHost'];
  endpointInVm: Evidence['endpointInVm'];
}

/** The first kind, by the surest clue, that recognises the evidence. */
export function platformKind(evidence: Evidence): KindId {
  return recognise(evidence).kind;
}

/** "Docker Desktop 4.37.1 (178610)", "OrbStack 27.3.1", "Podman 4.3.1", "Docker on Linux 27.3.1". */
export function platformLabel(id: KindId, evidence: Evidence): string {
  const kind = kindById(id);
  if (!kind) return withEngineVersion('unknown engine', evidence);
  return kind.productLabel?.(evidence) ?? withEngineVersion(kind.label, evidence);
}

// Not shared with the host: the container's own file systems, and the engine's files it bind-mounts into each one.
const PSEUDO = /^(proc|sysfs|tmpfs|devpts|mqueue|cgroup2?|shm|overlay|devtmpfs|securityfs|debugfs|binfmt_misc|autofs|fusectl|nsfs|tracefs|configfs|pstore|bpf|hugetlbfs|rpc_pipefs|ramfs)$/;
const ENGINE_FILES = /^\/etc\/(hosts|hostname|resolv\.conf)$|^\/(proc|sys|dev)(\/|$)/;

/** The mount a container's bind mount of the project is: at `target` when known (the probe's), else the first mount
 * that crosses from a host (virtiofs, 9p, FUSE...), else the first other real file system. */
export function sharedMount(mounts: readonly MountLine[], kind: string, target?: string): MountLine | undefined {
  if (target) {
    const covering = mounts.filter((m) => target === m.mountPoint || target.startsWith(m.mountPoint === '/' ? '/' : `${m.mountPoint}/`));
    return covering.sort((a, b) => b.mountPoint.length - a.mountPoint.length)[0];
  }
  const real = mounts.filter((m) => m.fstype !== '' && !PSEUDO.test(m.fstype) && !ENGINE_FILES.test(m.mountPoint) && m.mountPoint !== '/');
  return real.find((m) => !['none', 'unknown'].includes(sharingMechanism(m.fstype, kind))) ?? real[0];
}

/** What crosses from a container to the files of one mount, as the run document records it. */
export function mountSharing(mount: Pick<MountLine, 'fstype' | 'line'> | undefined, kind: string): FileSharing {
  if (!mount) return { mechanism: 'unknown', fstype: null, mountinfo: null };
  return { mechanism: sharingMechanism(mount.fstype, kind), fstype: mount.fstype, mountinfo: mount.line };
}

function fileSharingOf(evidence: Evidence, kind: KindId, target?: string): Identification['fileSharing'] {
  const mount = sharedMount(evidence.mounts, kind, target);
  if (mount) return { ...mountSharing(mount, kind), seen: true, from: mount.from };
  const vm = evidence.vms.find((v) => v.kind === kind && v.mountType);
  if (!vm?.mountType) return null;
  return { mechanism: vm.mountType === 'reverse-sshfs' ? 'sshfs' : vm.mountType, fstype: null, mountinfo: null, seen: false, from: vm.from };
}

function vmOf(evidence: Evidence, kind: KindId): Identification['vm'] {
  const report = evidence.vms.find((v) => v.kind === kind && v.vmType);
  if (report?.vmType) return { type: report.vmType, hypervisor: hypervisorOf(report.vmType), from: report.from };
  const type = kindById(kind)?.vm?.(evidence) ?? null;
  if (type) return { type, hypervisor: hypervisorOf(type), from: `the engine's answers (${evidence.fieldFrom['info.KernelVersion'] ?? 'its kind'})` };
  if (evidence.kernelIsHost?.value === false) return { type: null, hypervisor: null, from: evidence.kernelIsHost.from };
  return null;
}

// Podman and some others put "os/arch/distribution" in Platform.Name: not a product name.
const OS_ARCH = /^[a-z0-9_]+\/[a-z0-9_]+(\/|$)/;

export function identify(evidence: Evidence, probeTarget?: string): Identification {
  const recognition = recognise(evidence);
  const kind = kindById(recognition.kind);
  const { info, version } = evidence;
  const platform = version.Platform?.Name;
  return {
    ...recognition,
    label: platformLabel(recognition.kind, evidence),
    engine: {
      product: kind?.engineProduct ?? (platform && !OS_ARCH.test(platform) ? platform : 'Docker Engine'),
      version: info.ServerVersion ?? version.Version ?? 'unknown',
      apiVersion: version.ApiVersion ?? null,
      os: info.OperatingSystem ?? 'unknown',
      kernel: info.KernelVersion ?? 'unknown',
      arch: info.Architecture ?? 'unknown',
      cpus: info.NCPU ?? 0,
      memoryBytes: info.MemTotal ?? 0,
      storageDriver: info.Driver ?? null,
    },
    vm: vmOf(evidence, recognition.kind),
    fileSharing: fileSharingOf(evidence, recognition.kind, probeTarget),
    kernelIsHost: evidence.kernelIsHost,
    endpointInVm: evidence.endpointInVm,
  };
}

/** The identity a run document records for an endpoint, from its identification. */
export function platformIdentity(endpoint: { name: string; host: string; source: string }, id: Identification): PlatformIdentity {
  const sharing = id.fileSharing?.seen ? { mechanism: id.fileSharing.mechanism, fstype: id.fileSharing.fstype, mountinfo: id.fileSharing.mountinfo } : null;
  return { name: endpoint.name, endpoint: endpoint.host, source: endpoint.source, kind: id.kind, label: id.label, engine: id.engine, fileSharing: sharing };
}
