// Parsers of option values: each turns the text a user typed into a value, or says what it expected.
import { InvalidArgumentError } from '@commander-js/extra-typings';
import { IMPLEMENTED_STRATEGIES, isImplemented, STRATEGY_NAMES, type ImplementedStrategy } from '../model/strategies.js';
import { LIMITS } from '../util/limits.js';
import { parseDuration, parseNameList } from '../util/parse.js';
import { WORKLOAD_NAMES, type WorkloadName } from '../workloads/catalog.js';

/** A whole number from `min` to `max`, written in digits ("1e3" and "0x10" are typos here, not numbers). */
export function positiveInteger(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer of at least ${min}.`);
    if (n > max) throw new InvalidArgumentError(`expected an integer of at most ${max.toLocaleString('en')}.`);
    return n;
  };
}

export function runCount(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > LIMITS.runs) throw new InvalidArgumentError(`expected a number of samples (1 to ${LIMITS.runs.toLocaleString('en')}) or auto.`);
  return n;
}

/** "5%" or "5": a share of the ratio, as 0.05. */
export function percentage(value: string): number {
  const n = Number(value.trim().replace(/%$/, ''));
  if (!(n > 0 && n < 100)) throw new InvalidArgumentError('expected a percentage such as 5% (more than 0, less than 100).');
  return n / 100;
}

/** "10,20,30": the sample counts of the planned looks (whether they make a plan is checked with the other flags). */
export function lookList(value: string): number[] {
  const looks = value.split(',').map((part) => Number(part.trim()));
  if (!looks.every((n) => Number.isInteger(n) && n >= 1)) throw new InvalidArgumentError('expected whole numbers of samples, comma-separated, such as 10,20,30.');
  return looks;
}

/** A parser that throws plain Errors, as commander wants it: its message shown after the flag. */
export function commanderParser<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

/** "90s", "20m", "1h30m" or plain seconds, as seconds. */
export const duration = commanderParser(parseDuration);

export function strategyList(value: string): ImplementedStrategy[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !isImplemented(n));
  if (unknown.length > 0) {
    const planned = unknown.filter((n) => (STRATEGY_NAMES as string[]).includes(n));
    const note = planned.length > 0 ? ` (${planned.join(', ')} ${planned.length > 1 ? 'are' : 'is'} planned, not built yet)` : '';
    throw new InvalidArgumentError(`unknown strategy ${unknown.join(', ')}${note}; choose from ${IMPLEMENTED_STRATEGIES.join(', ')}.`);
  }
  if (names.length === 0) throw new InvalidArgumentError('name at least one strategy.');
  return [...new Set(names)] as ImplementedStrategy[];
}

export function workloadList(value: string): WorkloadName[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.includes('all')) return [...WORKLOAD_NAMES];
  const unknown = names.filter((n) => !WORKLOAD_NAMES.includes(n as WorkloadName));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown workload ${unknown.join(', ')}; choose from ${WORKLOAD_NAMES.join(', ')} or all.`);
  if (names.length === 0) throw new InvalidArgumentError('name at least one workload.');
  return [...new Set(names)] as WorkloadName[];
}

/** A size in bytes: 512, 4k, 1M (powers of 1024). */
export function byteSize(value: string): number {
  const match = /^(\d+)\s*([kKmM]?)i?[bB]?$/.exec(value.trim());
  if (!match || Number(match[1]) < 1) throw new InvalidArgumentError('expected a size such as 512, 4k or 1M.');
  const bytes = Number(match[1]) * (match[2] ? 1024 ** ('kKmM'.indexOf(match[2]) < 2 ? 1 : 2) : 1);
  if (bytes > LIMITS.fileBytes) throw new InvalidArgumentError(`expected a size of at most ${LIMITS.fileBytes / 1024 ** 2}M.`);
  return bytes;
}

export const nameList = parseNameList;
