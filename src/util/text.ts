// Short text from long output.

/** The last non-empty line: where npm, git and shells put the message that explains a failure. */
export function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? '';
}
