// Text in a report: plain, strong, code, or a range whose dash each format sets ("1.96-2.34" in Markdown,
// "1.96–2.34" on the page), so that a figure is spelled once and every format prints it in its own way.
export type Inline = string | { strong: string } | { code: string } | { range: readonly [string, string] };
export type Text = string | readonly Inline[];

/** The text alone, with `dash` in its ranges (for a tooltip, a terminal, a test). */
export function plainText(text: Text, dash = '-'): string {
  if (typeof text === 'string') return text;
  return text.map((part) => (typeof part === 'string' ? part : 'strong' in part ? part.strong : 'code' in part ? part.code : part.range.join(dash))).join('');
}
