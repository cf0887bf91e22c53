// A kind of Docker platform (Docker Desktop, Colima, Podman...): everything mountbench knows about it in one object.
// The kinds and the order they are tried in are listed in catalog.ts.
import { readdirSync } from 'node:fs';
import type { DiscoveryEnvironment } from '../environment.js';
import type { Endpoint } from '../endpoint.js';
import type { EngineFacts } from '../engine.js';
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
  /** Whether the engine's own answers say it is this kind; the catalog asks the kinds in order, first yes wins. */
  recognise(facts: EngineFacts): boolean;
  /** The product and its version when "<label> <engine version>" would say less. */
  productLabel?(facts: EngineFacts): string;
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

/** "Colima 27.3.1": the label with the engine's version, when it has one. */
export function withEngineVersion(label: string, facts: EngineFacts): string {
  const engine = facts.info.ServerVersion ?? facts.version.Version;
  return engine ? `${label} ${engine}` : label;
}

/** The engine's host name, lower-cased: Lima, Colima and Rancher Desktop name their VMs after themselves. */
export function hostName(facts: EngineFacts): string {
  return (facts.info.Name ?? '').toLowerCase();
}

/** Directory names under dir, sorted (profiles, instances, machines); none when it does not exist. */
export function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return [];
  }
}
