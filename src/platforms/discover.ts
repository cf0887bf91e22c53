// Find Docker endpoints the way the docker CLI does, plus the well-known sockets of the Mac/Linux platforms that no
// context names. Reads only the file system and the environment; nothing here talks to an engine.
import { UsageError } from '../errors.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Endpoint, TlsFiles } from './endpoint.js';
import { socketPath } from './endpoint.js';
import { DISCOVERY_ORDER } from './kinds/catalog.js';
import { DEFAULT_SOCKET } from './kinds/docker-linux.js';
import type { SocketCandidate } from './kinds/kind.js';
import type { DiscoveryEnvironment } from './environment.js';

export function defaultEnvironment(context?: string): DiscoveryEnvironment {
  return { env: process.env, home: homedir(), context };
}

interface ContextMeta {
  name: string;
  host: string;
  skipTLSVerify: boolean;
  tls: TlsFiles | null;
}

function dockerConfigDir(de: DiscoveryEnvironment): string {
  return de.env.DOCKER_CONFIG || join(de.home, '.docker');
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function tlsFilesFor(configDir: string, name: string): TlsFiles | null {
  const dir = join(configDir, 'contexts', 'tls', contextDigest(name), 'docker');
  const file = (f: string) => (existsSync(join(dir, f)) ? join(dir, f) : undefined);
  const tls = { ca: file('ca.pem'), cert: file('cert.pem'), key: file('key.pem') };
  return tls.ca || tls.cert || tls.key ? tls : null;
}

export function contextDigest(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** Every context under $DOCKER_CONFIG/contexts/meta, sorted by name. */
export function readContexts(de: DiscoveryEnvironment): ContextMeta[] {
  const configDir = dockerConfigDir(de);
  const metaDir = join(configDir, 'contexts', 'meta');
  if (!existsSync(metaDir)) return [];
  const contexts: ContextMeta[] = [];
  for (const entry of readdirSync(metaDir)) {
    const meta = readJson(join(metaDir, entry, 'meta.json')) as {
      Name?: string;
      Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
    } | null;
    const host = meta?.Endpoints?.docker?.Host;
    if (!meta?.Name || !host) continue;
    contexts.push({
      name: meta.Name,
      host,
      skipTLSVerify: meta.Endpoints?.docker?.SkipTLSVerify ?? false,
      tls: tlsFilesFor(configDir, meta.Name),
    });
  }
  return contexts.sort((a, b) => a.name.localeCompare(b.name));
}

function currentContextName(de: DiscoveryEnvironment): { name: string; source: string } | null {
  if (de.context) return { name: de.context, source: '--context' };
  if (de.env.DOCKER_CONTEXT) return { name: de.env.DOCKER_CONTEXT, source: 'DOCKER_CONTEXT' };
  const config = readJson(join(dockerConfigDir(de), 'config.json')) as { currentContext?: string } | null;
  if (config?.currentContext) return { name: config.currentContext, source: 'current context' };
  return null;
}

/** Well-known sockets of each platform that exist, with the name the platform itself gives its context. */
export function wellKnownSockets(de: DiscoveryEnvironment): SocketCandidate[] {
  const candidates = DISCOVERY_ORDER.flatMap((kind) => kind.sockets(de));
  // System-wide last: /var/run/docker.sock is often a symlink to a platform's socket, and the first name found wins.
  const ordered = [...candidates.filter((s) => !s.systemWide), ...candidates.filter((s) => s.systemWide)];
  return ordered.filter((s) => existsSync(s.path));
}

/** A key that is equal for two hosts that reach the same engine (symlinked sockets resolve to one path). */
function identityKey(host: string): string {
  const path = socketPath(host);
  if (!path) return host;
  try {
    return `unix://${realpathSync(path)}`;
  } catch {
    return host;
  }
}

/**
 * All endpoints, the current one first (the one the docker CLI would use), then every context, then sockets that no
 * context names. Two entries reaching the same socket become one, keeping the first name and the others as aliases.
 */
export function discoverEndpoints(de: DiscoveryEnvironment): Endpoint[] {
  const contexts = readContexts(de);
  const candidates: Endpoint[] = [];
  const add = (e: Omit<Endpoint, 'aliases'>) => candidates.push({ ...e, aliases: [] });

  const selected = currentContextName(de);
  const selectedContext = selected && selected.name !== 'default' ? contexts.find((c) => c.name === selected.name) : undefined;
  if (selected?.source === '--context' || selected?.source === 'DOCKER_CONTEXT') {
    // An explicit context wins over DOCKER_HOST, as in the docker CLI.
    if (selectedContext) add({ ...selectedContext, source: selected.source, current: true });
    else if (selected.name !== 'default') throw new UnknownContextError(selected.name, contexts.map((c) => c.name));
  }
  if (candidates.length === 0 && de.env.DOCKER_HOST) {
    add({ name: 'default', host: de.env.DOCKER_HOST, source: 'DOCKER_HOST', current: true, tls: null, skipTLSVerify: false });
  }
  if (candidates.length === 0 && selectedContext) add({ ...selectedContext, source: selected!.source, current: true });
  if (candidates.length === 0) {
    add({ name: 'default', host: `unix://${DEFAULT_SOCKET}`, source: 'default socket', current: true, tls: null, skipTLSVerify: false });
  }
  for (const c of contexts) add({ ...c, source: 'context', current: false });
  for (const s of wellKnownSockets(de)) {
    add({ name: s.name, host: `unix://${s.path}`, source: 'socket', current: false, tls: null, skipTLSVerify: false });
  }

  const byKey = new Map<string, Endpoint>();
  for (const candidate of candidates) {
    const key = identityKey(candidate.host);
    const existing = byKey.get(key);
    if (!existing) byKey.set(key, candidate);
    else if (existing.name !== candidate.name && !existing.aliases.includes(candidate.name)) existing.aliases.push(candidate.name);
  }
  return uniqueNames([...byKey.values()]);
}

/** The name DOCKER_HOST's endpoint takes when another endpoint is already called "default". */
export const DOCKER_HOST_NAME = 'docker-host';

/** Each endpoint's name is its own, as --platform selects by name: DOCKER_HOST's endpoint is only "default" while
 * no other endpoint is (the default socket is often there too), and any other repeat gets a number. */
function uniqueNames(endpoints: Endpoint[]): Endpoint[] {
  const taken = new Set<string>();
  const named = endpoints.map((e) => {
    const clash = e.source === 'DOCKER_HOST' && endpoints.some((o) => o !== e && o.name === e.name);
    return clash ? { ...e, name: DOCKER_HOST_NAME } : e;
  });
  return named.map((e) => {
    let name = e.name;
    for (let n = 2; taken.has(name); n += 1) name = `${e.name}-${n}`;
    taken.add(name);
    return name === e.name ? e : { ...e, name };
  });
}

export class UnknownContextError extends UsageError {
  constructor(
    readonly context: string,
    readonly known: string[],
  ) {
    super(`context "${context}" does not exist (known: ${known.length ? known.join(', ') : 'none'})`);
  }
}
