// What is known about one platform, from whatever said it: the engine's own answers (live, or as `docker info` /
// `docker version` print them), the endpoint's name and host, mount lines seen inside a container, and what the VM
// tools (colima, limactl, podman machine, Apple's container) say. Recognition reads only this, so a live endpoint
// and a pasted file are recognised by the same code: the live probe is one more source of evidence.
import type { EngineFacts } from '../engine.js';

export type Info = EngineFacts['info'];
export type Version = EngineFacts['version'];

/** A value and what said it ("docker info (text) in posted.txt", "the live engine"). */
export interface Fact<T> {
  value: T;
  from: string;
}

/** One mount as a container sees it, from mountinfo, /proc/mounts, `mount`, `findmnt` or `df -T`. */
export interface MountLine {
  mountPoint: string;
  fstype: string;
  source: string;
  /** The root of the mount in its file system (mountinfo only): a bind mount's host directory. */
  root: string | null;
  line: string;
  from: string;
}

/** What a VM tool says of its VM: a Colima profile, a Lima instance, a Podman machine, Apple's container system. */
export interface VmReport {
  /** The platform kind the tool belongs to. */
  kind: string;
  tool: string;
  name: string | null;
  /** vz, qemu, krunkit (Colima, Lima); applehv, libkrun, wsl, hyperv, qemu (Podman); apple-virtualization. */
  vmType: string | null;
  /** virtiofs, sshfs, 9p, reverse-sshfs: as configured, not as a container sees it. */
  mountType: string | null;
  /** The tool's (the product's) own version. */
  version: string | null;
  /** The engine socket it names: unix:///Users/x/.colima/default/docker.sock. */
  socket: string | null;
  cpus: number | null;
  memoryMiB: number | null;
  running: boolean | null;
  from: string;
}

export interface Evidence {
  /** Every source read, in order, and what it was read as. */
  sources: Array<{ origin: string; format: string }>;
  /** GET /info and GET /version as far as any source gave them; the first source to give a field wins. */
  info: Info;
  version: Version;
  /** Which source gave each engine field ("info.Name"), for the evidence lines. */
  fieldFrom: Record<string, string>;
  /** The endpoint's own name (a context, a well-known socket's) and host. */
  endpoint: { name: Fact<string> | null; host: Fact<string> | null };
  mounts: MountLine[];
  vms: VmReport[];
  /** Whether the engine runs on the host's own kernel (false: a VM's, whatever its kind); null when not known. */
  kernelIsHost: Fact<boolean> | null;
  /** Whether the endpoint is a VM's (its socket forwarded out of a VM); null when not known. */
  endpointInVm: Fact<boolean> | null;
}

export function emptyEvidence(): Evidence {
  return { sources: [], info: {}, version: {}, fieldFrom: {}, endpoint: { name: null, host: null }, mounts: [], vms: [], kernelIsHost: null, endpointInVm: null };
}

/** What one source contributes; `merge` folds them into one Evidence. */
export interface Piece {
  format: string;
  info?: Info;
  version?: Version;
  endpoint?: { name?: string; host?: string };
  mounts?: Array<Omit<MountLine, 'from'>>;
  vms?: Array<Omit<VmReport, 'from'>>;
  kernelIsHost?: boolean;
  endpointInVm?: boolean;
}

const defined = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Add a source's pieces to the evidence (in place) and return it. Earlier sources keep their fields. */
export function merge(evidence: Evidence, origin: string, pieces: readonly Piece[]): Evidence {
  for (const piece of pieces) {
    const from = `${piece.format}${origin ? ` (${origin})` : ''}`;
    evidence.sources.push({ origin, format: piece.format });
    for (const [part, values] of [['info', piece.info], ['version', piece.version]] as const) {
      for (const [key, value] of Object.entries(values ?? {})) {
        const target = evidence[part] as Record<string, unknown>;
        if (defined(value) && !defined(target[key])) {
          target[key] = value;
          evidence.fieldFrom[`${part}.${key}`] = from;
        }
      }
    }
    if (piece.endpoint?.name && !evidence.endpoint.name) evidence.endpoint.name = { value: piece.endpoint.name, from };
    if (piece.endpoint?.host && !evidence.endpoint.host) evidence.endpoint.host = { value: piece.endpoint.host, from };
    evidence.mounts.push(...(piece.mounts ?? []).map((m) => ({ ...m, from })));
    evidence.vms.push(...(piece.vms ?? []).map((v) => ({ ...v, from })));
    if (piece.kernelIsHost !== undefined && !evidence.kernelIsHost) evidence.kernelIsHost = { value: piece.kernelIsHost, from };
    if (piece.endpointInVm !== undefined && !evidence.endpointInVm) evidence.endpointInVm = { value: piece.endpointInVm, from };
  }
  return evidence;
}

/** "Name: colima (docker info (text) (posted.txt))": a field of the engine's answers and where it was read. */
export function fieldText(evidence: Evidence, path: `info.${string}` | `version.${string}`, shown: string): string {
  const from = evidence.fieldFrom[path];
  return from ? `${shown} — ${from}` : shown;
}

export const vmReport = (fields: Partial<Omit<VmReport, 'from'>> & Pick<VmReport, 'kind' | 'tool'>): Omit<VmReport, 'from'> => ({
  name: null, vmType: null, mountType: null, version: null, socket: null, cpus: null, memoryMiB: null, running: null, ...fields,
});

/** Evidence of the engine's answers alone (a recording's `info` and `version`, or the API's). */
export function engineEvidence(facts: EngineFacts, origin = 'recorded engine answers'): Evidence {
  return merge(emptyEvidence(), '', [{ format: origin, info: facts.info, version: facts.version }]);
}
