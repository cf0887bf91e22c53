// The figures the seed articles published (data/published-results.csv, shipped with the package): rows of their
// own in a comparison, always marked as published, never taken for measurements. The articles give means and
// ranges of a few runs, so a published ratio to native is a ratio of means, with no interval.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CannotRunError } from '../errors.js';
import { isImplemented, REFERENCE_STRATEGY, STRATEGY_NAMES, type StrategyName } from '../model/strategies.js';

export const PUBLISHED_FILE = fileURLToPath(new URL('../../data/published-results.csv', import.meta.url));

export interface PublishedRow {
  /** e.g. mainardi-2025 */
  source: string;
  date: string;
  machine: string;
  os: string;
  platform: string;
  fileSharing: string;
  strategy: StrategyName;
  /** The workload and its fixture as this tool names them: npm-install of the cra fixture. */
  workload: string;
  fixture: string;
  mean: number;
  min: number | null;
  max: number | null;
  /** What the reader must know about the figure (e.g. data edited after publication). */
  note: string | null;
}

/** RFC 4180 fields of one line (quotes, doubled quotes, commas inside quotes). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else field += c;
  }
  return [...fields, field];
}

/** The articles' workload names: "npm-install-cra" is npm-install of the cra fixture. */
function workloadOf(name: string): { workload: string; fixture: string } {
  const match = /^(npm-install|build)-(\w+)$/.exec(name);
  return match ? { workload: match[1], fixture: match[2] } : { workload: name, fixture: '' };
}

export function parsePublished(text: string, where = PUBLISHED_FILE): PublishedRow[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = csvFields(header);
  const number = (v: string) => (v === '' ? null : Number(v));
  return lines.map((line, i) => {
    const f = Object.fromEntries(csvFields(line).map((v, j) => [names[j], v]));
    const strategy = f.strategy as StrategyName;
    if (!(STRATEGY_NAMES as string[]).includes(strategy) || !Number.isFinite(Number(f.mean_s))) {
      throw new CannotRunError(`${where}:${i + 2}: not a published result (strategy "${f.strategy}", mean "${f.mean_s}")`);
    }
    return {
      source: f.source,
      date: f.date,
      machine: f.machine,
      os: f.os,
      platform: f.platform,
      fileSharing: f.file_sharing,
      strategy,
      ...workloadOf(f.workload),
      mean: Number(f.mean_s),
      min: number(f.min_s),
      max: number(f.max_s),
      note: f.note || null,
    };
  });
}

export function readPublished(path = PUBLISHED_FILE): PublishedRow[] {
  return parsePublished(readFileSync(path, 'utf8'), path);
}

/** One published platform on one machine, as a comparison shows it: its ratios to its own native, per strategy. */
export interface PublishedPlatform {
  source: string;
  date: string;
  machine: string;
  os: string;
  platform: string;
  workload: string;
  fixture: string;
  ratios: Array<{ strategy: StrategyName; value: number; note: string | null }>;
}

export function publishedPlatforms(rows: readonly PublishedRow[]): PublishedPlatform[] {
  const key = (r: PublishedRow) => [r.source, r.machine, r.platform, r.workload, r.fixture].join('\u0000');
  return [...new Set(rows.map(key))].map((k) => {
    const mine = rows.filter((r) => key(r) === k);
    const native = mine.find((r) => r.strategy === REFERENCE_STRATEGY);
    const [first] = mine;
    return {
      source: first.source,
      date: first.date,
      machine: first.machine,
      os: first.os,
      platform: first.platform,
      workload: first.workload,
      fixture: first.fixture,
      ratios: native
        ? mine.filter((r) => r !== native && isImplemented(r.strategy)).map((r) => ({ strategy: r.strategy, value: r.mean / native.mean, note: r.note }))
        : [],
    };
  });
}
