// A project's Compose files as `docker compose` finds them in its directory: the first of the base names, then the
// first override, in compose-go's order of preference. Each service's `volumes` are merged the way Compose merges
// them across files: by target (the path in the container), a later file's entry replacing an earlier one's.
// Anchors, aliases and merge keys (`<<: *defaults`) are resolved when reading, as Compose does.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { UsageError } from '../errors.js';
import { readUserFile, UserFileError, yamlData } from '../util/user-file.js';
import { parseMount, type Mount } from './mounts.js';
import { composeVariables } from './variables.js';

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_FILES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];
/** What `advise --write` creates when the project has no override yet. */
export const NEW_OVERRIDE_FILE = 'compose.override.yaml';

/** A Compose file that is not valid YAML: the user fixes it. */
export class ComposeFileError extends UsageError {}

export interface ComposeService {
  name: string;
  mounts: Mount[];
}

export interface ComposeProject {
  dir: string;
  /** The base file, then the override when there is one. */
  files: string[];
  /** The existing override file, where advice is merged in; null when there is none yet. */
  override: string | null;
  services: ComposeService[];
}

/** A Compose file's contents as plain data, aliases and merge keys resolved; errors say file:line:column. */
function readComposeData(path: string): Record<string, unknown> {
  const lines = new LineCounter();
  let data: unknown;
  try {
    const doc = parseDocument(readUserFile(path) ?? '', { merge: true, lineCounter: lines, prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      const { line, col } = lines.linePos(error.pos[0]);
      throw new ComposeFileError(`${path}:${line}:${col}: not valid YAML: ${error.message.split('\n')[0]}`);
    }
    data = yamlData(doc, path);
  } catch (error) {
    throw error instanceof UserFileError ? new ComposeFileError(error.message) : error;
  }
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

function servicesOf(data: Record<string, unknown>): Array<[string, Record<string, unknown>]> {
  const services = data.services;
  if (!services || typeof services !== 'object') return [];
  return Object.entries(services as Record<string, unknown>).flatMap(([name, s]) =>
    s && typeof s === 'object' && !Array.isArray(s) ? [[name, s as Record<string, unknown>] as [string, Record<string, unknown>]] : [],
  );
}

/** The services of `files` (in Compose's order: base first) with their volumes merged by target. */
function mergeServices(files: string[], dir: string): ComposeService[] {
  const variables = composeVariables(dir);
  const merged = new Map<string, Map<string, Mount>>();
  for (const file of files) {
    for (const [name, service] of servicesOf(readComposeData(file))) {
      const mounts = merged.get(name) ?? new Map<string, Mount>();
      merged.set(name, mounts);
      const volumes = Array.isArray(service.volumes) ? service.volumes : [];
      for (const entry of volumes) {
        // Relative paths are the project directory's, whichever file they are in (compose-go's working directory).
        const mount = parseMount(entry, dir, variables);
        if (mount) mounts.set(mount.target, { ...mount, file: basename(file) });
      }
    }
  }
  return [...merged].map(([name, mounts]) => ({ name, mounts: [...mounts.values()] }));
}

/** The Compose project in `dir`, or null when it has no Compose file. */
export function findComposeProject(dir: string): ComposeProject | null {
  const first = (names: string[]) => names.map((n) => join(dir, n)).find((p) => existsSync(p)) ?? null;
  const base = first(COMPOSE_FILES);
  if (!base) return null;
  const override = first(OVERRIDE_FILES);
  const files = override ? [base, override] : [base];
  return { dir: dirname(base), files, override, services: mergeServices(files, dir) };
}
