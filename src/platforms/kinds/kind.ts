// A kind of Docker platform (Docker Desktop, Colima, Podman...): everything mountbench knows about it in one object.
// The kinds and the order they are tried in are listed in catalog.ts.
import { readdirSync } from 'node:fs';
import type { DiscoveryEnvironment } from '../environment.js';
import type { Endpoint } from '../endpoint.js';
import type { Evidence } from '../evidence/evidence.js';
import type { PlatformSettings } from '../settings/settings.js';

export interface SocketCandidate {
  /** The endpoint name it is listed under, the one the platform gives its own docker context. */
  name: string;
  path: string;
  /** A socket outside the user's home (/var/run/docker.sock): often a symlink to some platform's own socket. */
  systemWide?: boolean;
}

export interface PlatformKind<Id extends string = string> {
  /** The kind as run documents record it. */
  id: Id;
  /** "Docker Desktop", "Colima". */
  label: string;
  /** Where its engine listens when it runs, whether or not it does; discovery keeps the ones that exist. */
  sockets(de: DiscoveryEnvironment): SocketCandidate[];
  /** What in the evidence says it is this kind, each clue with how sure it makes us; none when nothing does. The
   * surest clue of all kinds wins; between equally sure ones, the catalog's order decides. */
  recognise(evidence: Evidence): Clue[];
  /** The product and its version when "<label> <engine version>" would say less. */
  productLabel?(evidence: Evidence): string;
  /** The VM the engine runs in, when the engine's own answers say (a WSL2 kernel); VM tools' reports come first. */
  vm?(evidence: Evidence): string | null;
  /** The engine's product when /version names no platform; "Docker Engine" unless set. */
  engineProduct?: string;
  /** Whether an endpoint or context of this name is this kind's, to say how to start it. */
  claims(endpointName: string): boolean;
  /** The command or action that starts the endpoint of this name. */
  start(endpointName: string): string;
  /** Bind-mount fstypes whose mechanism only this kind explains; the rest are read the same on every kind. */
  mounts?: Record<string, string>;
  /** Its own settings on this host for the endpoint (the file it keeps them in, or its CLI); null when none found. */
  settings?(de: DiscoveryEnvironment, endpoint: Pick<Endpoint, 'name' | 'aliases' | 'host'>): PlatformSettings | null;
  /** On a Mac, the host processes (by command) of its VM and file sharing, whose CPU is what sharing costs. */
  hostProcesses?: RegExp;
}

/**
 * How sure a clue makes us, surest first:
 * - certain: the engine names the product (OperatingSystem "Docker Desktop", a "Podman Engine" component);
 * - likely: a fact only this product sets (its VM's host name, its kernel's suffix, its VM tool's own report);
 * - hint: the endpoint's own name or socket path (a context "colima-work"), or a mount type only it shows;
 * - fallback: how the engine runs (rootless, on a WSL2 kernel, on Linux), which any product may share.
 */
export const CERTAINTIES = ['certain', 'likely', 'hint', 'fallback'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export interface Clue {
  certainty: Certainty;
  /** The field and value it rests on, and where it was read. */
  evidence: string;
}

/** "Colima 27.3.1": the label with the engine's version, when it has one. */
export function withEngineVersion(label: string, evidence: Evidence): string {
  const engine = evidence.info.ServerVersion ?? evidence.version.Version;
  return engine ? `${label} ${engine}` : label;
}

/** The engine's host name, lower-cased: Lima, Colima and Rancher Desktop name their VMs after themselves. */
export function hostName(evidence: Evidence): string {
  return (evidence.info.Name ?? '').toLowerCase();
}

/** A clue when `test` holds, with the engine field it read: `fieldClue(ev, 'certain', 'info.Name', ...)`. */
export function fieldClue(evidence: Evidence, certainty: Certainty, path: `info.${string}` | `version.${string}`, test: (value: string) => boolean): Clue[] {
  const [part, ...rest] = path.split('.');
  const value = rest.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], evidence[part as 'info' | 'version']);
  if (typeof value !== 'string' || !test(value)) return [];
  const from = evidence.fieldFrom[`${part}.${rest[0]}`];
  return [{ certainty, evidence: `${rest.join('.')}: ${value}${from ? ` — ${from}` : ''}` }];
}

/** A hint from the endpoint's own name or host (a context named after its platform, a socket in its directory). */
export function endpointClues(evidence: Evidence, names: (name: string) => boolean, hostPattern?: RegExp): Clue[] {
  const { name, host } = evidence.endpoint;
  const clues: Clue[] = [];
  if (name && names(name.value)) clues.push({ certainty: 'hint', evidence: `endpoint name ${name.value} — ${name.from}` });
  if (host && hostPattern?.test(host.value)) clues.push({ certainty: 'hint', evidence: `endpoint ${host.value} — ${host.from}` });
  return clues;
}

/** A VM tool of this kind reported on the VM (colima status, limactl list, podman machine inspect). */
export function vmToolClues(evidence: Evidence, kind: string): Clue[] {
  return evidence.vms
    .filter((vm) => vm.kind === kind)
    .map((vm) => ({ certainty: 'likely' as const, evidence: `${vm.tool}${vm.name ? ` (${vm.name})` : ''}${vm.vmType ? `: vmType ${vm.vmType}` : ''} — ${vm.from}` }));
}

/** A mount type seen in a container that only this kind's file sharing shows (Docker Desktop's fakeowner). */
export function mountClues(evidence: Evidence, mounts: Record<string, string> | undefined): Clue[] {
  if (!mounts) return [];
  return evidence.mounts.filter((m) => Object.hasOwn(mounts, m.fstype)).slice(0, 1).map((m) => ({ certainty: 'hint' as const, evidence: `a ${m.fstype} mount at ${m.mountPoint} — ${m.from}` }));
}

/** Directory names under dir, sorted (profiles, instances, machines); none when it does not exist. */
export function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return [];
  }
}
