// Names and notes in a run document may come from anyone (a pull request's artifact, a hand-written file): before
// they reach a terminal or a Markdown page, every control sequence and control character in them becomes a visible
// "�", so that a name can neither clear the screen, retitle the window, hide a link, nor overwrite its own line
// with `\r`, and a reader still sees that something was there. Newline and tab stay: they are text.

/** ESC sequences (CSI with its parameters, OSC up to its terminator, any other ESC + one character), then single
 * C0 controls but newline and tab, DEL, and C1 controls (U+0080–U+009F: CSI, OSC… in 8-bit terminals). */
const CONTROL = new RegExp(
  [
    '\\u001b\\[[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?', // CSI
    '\\u001b[\\]PX^_][^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?', // OSC, DCS, SOS, PM, APC
    '\\u001b[\\s\\S]?',
    '\\u009b[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?', // 8-bit CSI
    '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]',
  ].join('|'),
  'g',
);

export const CONTROL_PLACEHOLDER = '\ufffd';

/** The text with each control sequence or character replaced by one "�". */
export function safeText(text: string): string {
  return text.replace(CONTROL, CONTROL_PLACEHOLDER);
}

/** A copy of `value` with every string in it made safe; objects shared inside it stay shared in the copy (a view's
 * platforms point at its runs). */
export function withSafeText<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return safeText(v);
    if (v === null || typeof v !== 'object') return v;
    const known = copies.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      copies.set(v, out);
      for (const item of v) out.push(copy(item));
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    for (const [key, item] of Object.entries(v)) out[key] = copy(item);
    return out;
  };
  return copy(value) as T;
}
