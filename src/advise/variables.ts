// Compose interpolates ${VAR}, $VAR, ${VAR:-default} and ${VAR-default} in its files, from the shell and the project's
// .env. Volume sources are where a project path hides behind one (${PWD}, ${APP_DIR:-.}), so those are resolved;
// the rarer forms (${VAR:?error}, ${VAR:+alt}) are left as written, and the mount is then not taken for the project.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Variables = Readonly<Record<string, string | undefined>>;

/** KEY=VALUE lines of a .env file (quotes removed, comments and blank lines skipped). */
export function parseDotenv(text: string): Record<string, string> {
  const entries = text.split(/\r?\n/).flatMap((line) => {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) return [];
    const value = /^(["'])(.*)\1$/.exec(match[2])?.[2] ?? match[2].replace(/\s+#.*$/, '');
    return [[match[1], value] as const];
  });
  return Object.fromEntries(entries);
}

/** What Compose would see when run in `dir`: the environment, the project's .env under it, PWD being `dir`. */
export function composeVariables(dir: string, env: NodeJS.ProcessEnv = process.env): Variables {
  const dotenv = join(dir, '.env');
  return { ...(existsSync(dotenv) ? parseDotenv(readFileSync(dotenv, 'utf8')) : {}), ...env, PWD: dir };
}

/** `text` with its variables replaced; `$$` is a literal `$`. An unset variable becomes empty, as in Compose. */
export function interpolate(text: string, variables: Variables): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, colon, fallback, bare) => {
    if (whole === '$$') return '$';
    const value = variables[braced ?? bare];
    if (fallback === undefined) return value ?? '';
    return value === undefined || (colon === ':' && value === '') ? fallback : value;
  });
}
