// A project's devcontainer.json (.devcontainer/devcontainer.json or .devcontainer.json; JSONC): where it puts the
// project in the container, and the mounts it already has. An image- or Dockerfile-based one bind-mounts the
// workspace (at /workspaces/<folder> unless workspaceMount says otherwise); a Compose-based one runs the services
// of its dockerComposeFile list, which is where an override has to be named.
import { existsSync } from 'node:fs';
import { readUserFile, UserFileError } from '../util/user-file.js';
import { basename, dirname, join, resolve } from 'node:path';
import { JsoncError, parseJsonc } from './jsonc.js';
import type { Mount } from './mounts.js';

const DEVCONTAINER_FILES = ['.devcontainer/devcontainer.json', '.devcontainer.json'];

export interface Devcontainer {
  file: string;
  /** Compose-based: its compose files (absolute, in order) and the service it attaches to. */
  compose: { files: string[]; service: string | null } | null;
  /** Image-based: the project's bind mount; null when the workspace is not bind-mounted. */
  workspace: Mount | null;
  /** Its `mounts`, to skip directories already in a volume. */
  mounts: Mount[];
  /** The user the tools run as, when not root: a new volume is root's until chowned. */
  user: string | null;
}

/** `${localWorkspaceFolder}`, `${localWorkspaceFolderBasename}` and `${localEnv:NAME}` replaced. */
function substitute(text: string, projectDir: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\$\{(localWorkspaceFolder|localWorkspaceFolderBasename|localEnv:([A-Za-z_][A-Za-z0-9_]*))\}/g, (_, name: string, envName?: string) =>
    envName ? (env[envName] ?? '') : name === 'localWorkspaceFolder' ? projectDir : basename(projectDir),
  );
}

/** "source=…,target=…,type=volume" or { source, target, type } as a mount; null when it has no target. */
export function parseDevcontainerMount(entry: unknown, projectDir: string, env: NodeJS.ProcessEnv = process.env): Mount | null {
  const fields: Record<string, unknown> =
    typeof entry === 'string'
      ? Object.fromEntries(entry.split(',').map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).trim()]))
      : entry && typeof entry === 'object'
        ? (entry as Record<string, unknown>)
        : {};
  const target = fields.target ?? fields.destination ?? fields.dst;
  if (typeof target !== 'string') return null;
  const rawSource = fields.source ?? fields.src;
  const source = typeof rawSource === 'string' ? substitute(rawSource, projectDir, env) : null;
  const type = fields.type === 'bind' ? 'bind' : fields.type === 'tmpfs' ? 'tmpfs' : 'volume';
  return { type, source: type === 'bind' && source ? resolve(projectDir, source) : source, target, text: typeof entry === 'string' ? entry : JSON.stringify(entry) };
}

/** The project's devcontainer.json, or null when it has none. */
export function findDevcontainer(projectDir: string, env: NodeJS.ProcessEnv = process.env): Devcontainer | null {
  const file = DEVCONTAINER_FILES.map((f) => join(projectDir, f)).find((f) => existsSync(f));
  if (!file) return null;
  let text: string;
  try {
    text = readUserFile(file) ?? '';
  } catch (error) {
    throw error instanceof UserFileError ? new JsoncError(error.message) : error;
  }
  const json = parseJsonc(text, file);
  const config = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const mounts = (Array.isArray(config.mounts) ? config.mounts : []).flatMap((m) => parseDevcontainerMount(m, projectDir, env) ?? []);
  const user = [config.remoteUser, config.containerUser].find((u): u is string => typeof u === 'string') ?? null;
  const common = { file, mounts, user: user === 'root' ? null : user };
  const composeFiles = typeof config.dockerComposeFile === 'string' ? [config.dockerComposeFile] : config.dockerComposeFile;
  if (Array.isArray(composeFiles)) {
    const files = composeFiles.filter((f): f is string => typeof f === 'string').map((f) => resolve(dirname(file), f));
    return { ...common, compose: { files, service: typeof config.service === 'string' ? config.service : null }, workspace: null };
  }
  const workspace =
    typeof config.workspaceMount === 'string'
      ? parseDevcontainerMount(config.workspaceMount, projectDir, env)
      : { type: 'bind' as const, source: projectDir, target: `/workspaces/${basename(projectDir)}`, text: 'the default workspace mount' };
  return { ...common, compose: null, workspace: workspace?.type === 'bind' ? workspace : null };
}
