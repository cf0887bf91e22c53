// The JSON values in a paste: whole documents, JSON lines (limactl list --json), or JSON between other text. Each
// value starts at a line beginning with "{" or "[" and ends where its brackets balance.
/** The end (exclusive) of the JSON value starting at `start`, or -1 when its brackets never balance. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The JSON values found, and the text left once they are taken out. */
export function splitJson(text: string): { values: unknown[]; rest: string } {
  const values: unknown[] = [];
  let rest = '';
  let at = 0;
  const starts = /^[ \t]*[{[]/gm;
  for (let match = starts.exec(text); match; match = starts.exec(text)) {
    if (match.index < at) continue;
    const start = match.index + match[0].length - 1;
    const end = valueEnd(text, start);
    if (end < 0) continue;
    try {
      values.push(JSON.parse(text.slice(start, end)));
    } catch {
      continue;
    }
    rest += text.slice(at, match.index);
    at = end;
    starts.lastIndex = end;
  }
  return { values, rest: rest + text.slice(at) };
}
