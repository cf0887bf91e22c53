// Parsers of typed values shared by the command line and the options strategies bring: each turns text into a
// value or throws an Error that says what it expected (the command line shows it as commander's own).
import { LIMITS } from './limits.js';

/** "90s", "20m", "1h30m" or plain seconds, as seconds. */
export function parseDuration(value: string): number {
  const text = value.trim();
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(h|m|s)/g)];
  const seconds = /^\d+(\.\d+)?$/.test(text)
    ? Number(text)
    : parts.reduce((sum, [, n, unit]) => sum + Number(n) * { h: 3600, m: 60, s: 1 }[unit as 'h' | 'm' | 's'], 0);
  const matched = /^\d+(\.\d+)?$/.test(text) || parts.map((p) => p[0]).join('') === text.replace(/\s+/g, '');
  if (!matched || !(seconds > 0)) throw new Error('expected a duration such as 90s, 20m or 1h30m.');
  if (seconds > LIMITS.durationSeconds) throw new Error(`expected a duration of at most ${LIMITS.durationSeconds / 3600}h.`);
  return seconds;
}

/** "a, b,,c" as ["a", "b", "c"]. */
export function parseNameList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
