// devcontainer.json is JSONC: JSON with // and /* */ comments and trailing commas. One scan blanks those out (with
// spaces, so JSON.parse's positions still point into the file) and JSON.parse does the rest. A dependency such as
// jsonc-parser would earn its place if mountbench edited the file; it only reads it.
import { UsageError } from '../errors.js';

// Strings first, so that a "//" or ",]" inside one is left alone; a comma counts as trailing when only white space
// and comments stand between it and the closing bracket. A block comment cannot run past its first "*/".
const STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;
const COMMENT = String.raw`\/\/[^\n]*|\/\*(?:[^*]|\*(?!\/))*\*\/`;
const TOKEN = new RegExp(String.raw`${STRING}|${COMMENT}|,(?=(?:\s|${COMMENT})*[}\]])`, 'g');

/** The user fixes the file: a usage error. */
export class JsoncError extends UsageError {}

/** The text with comments and trailing commas turned into spaces (line breaks kept). */
function stripJsonc(text: string): string {
  return text.replace(TOKEN, (token) => (token.startsWith('"') ? token : token.replace(/[^\n]/g, ' ')));
}

/** Parse JSONC; `file` names it in errors, which say the line and column. */
export function parseJsonc(text: string, file: string): unknown {
  const plain = stripJsonc(text);
  try {
    return JSON.parse(plain);
  } catch (error) {
    const message = (error as Error).message;
    const at = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const before = Number.isNaN(at) ? null : plain.slice(0, at).split('\n');
    const where = before ? `${before.length}:${before[before.length - 1].length + 1}` : '';
    throw new JsoncError(`${file}${where ? `:${where}` : ''}: not valid JSON with comments: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}
