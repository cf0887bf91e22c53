// mountbench.yaml: how to benchmark a project, kept in the project. Flags on the command line win over it.
//
//   command: npm ci              # required: what to time, run by sh in a copy of the project
//   deps: [node_modules]         # directories the command fills (not copied; emptied before each sample)
//   reset: rm -rf dist           # untimed before each sample (default: empty the deps)
//   image: node:22               # image with what the command needs
//   strategies: [native, bind, hybrid]
//   runs: 7                    # or auto: until every ratio to native is known to within 5%
//   warmup: 1
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { LIMITS } from '../util/limits.js';
import { readUserFile, UserFileError, yamlData } from '../util/user-file.js';
import { IMPLEMENTED_STRATEGIES, type ImplementedStrategy } from '../model/strategies.js';

export const PROJECT_CONFIG_FILE = 'mountbench.yaml';

const topLevelName = z
  .string()
  .min(1)
  .refine((d) => !d.includes('/') && d !== '.' && d !== '..', 'must be a directory name at the top of the project');

export const ProjectConfig = z.strictObject({
  command: z.string().min(1, 'must say what to time, e.g. "npm ci"'),
  deps: z.array(topLevelName).default([]),
  reset: z.string().min(1).optional(),
  image: z.string().min(1).optional(),
  strategies: z.array(z.enum(IMPLEMENTED_STRATEGIES as [ImplementedStrategy, ...ImplementedStrategy[]])).min(1).optional(),
  runs: z.union([z.number().int().min(1).max(LIMITS.runs), z.literal('auto')], { error: `expected a number of samples (1 to ${LIMITS.runs}) or auto` }).optional(),
  warmup: z.number().int().min(0).max(LIMITS.warmup).optional(),
});
export type ProjectConfig = z.infer<typeof ProjectConfig>;

/** A usage error: the user fixes the file. */
export class ProjectConfigError extends UsageError {}

/** line:column of the value (or, for an unknown key, the key) at `path`; the document's start when not found. */
function position(doc: Document, lines: LineCounter, path: PropertyKey[], unknownKey?: string): string {
  let node: unknown = doc.getIn(path as Array<string | number>, true) ?? (path.length === 0 ? doc.contents : null);
  if (unknownKey !== undefined && isMap(node)) node = node.items.find((pair) => isScalar(pair.key) && pair.key.value === unknownKey)?.key;
  const range = (node as { range?: [number, number, number] } | null)?.range;
  const { line, col } = lines.linePos(range ? range[0] : 0);
  return `${line}:${col}`;
}

/** Parse a mountbench.yaml's text; `file` names it in errors. */
export function parseProjectConfig(text: string, file: string): ProjectConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const { line, col } = lines.linePos(e.pos[0]);
    throw new ProjectConfigError(`${file}:${line}:${col}: not valid YAML: ${e.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = yamlData(doc, file);
  } catch (error) {
    throw error instanceof UserFileError ? new ProjectConfigError(error.message) : error;
  }
  const parsed = ProjectConfig.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (key) => `${file}:${position(doc, lines, issue.path, key)}: unknown key "${key}" (known: ${Object.keys(ProjectConfig.shape).join(', ')})`,
      );
    }
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    const missing = issue.code === 'invalid_type' && issue.path.length === 1 && doc.getIn(issue.path as string[]) === undefined;
    return [`${file}:${position(doc, lines, missing ? [] : issue.path)}: ${where}: ${missing ? 'is required' : issue.message}`];
  });
  throw new ProjectConfigError(messages.join('\n'));
}

/** The project's mountbench.yaml, or null when it has none. */
export function readProjectConfig(projectDir: string): ProjectConfig | null {
  const file = join(projectDir, PROJECT_CONFIG_FILE);
  let text: string | null;
  try {
    text = readUserFile(file);
  } catch (error) {
    throw error instanceof UserFileError ? new ProjectConfigError(error.message) : error;
  }
  return text === null ? null : parseProjectConfig(text, file);
}
