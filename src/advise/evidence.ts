// What the measurements say the advice is worth: this machine's history first (the latest run on the platform that
// measured both layouts), the seed articles' published figures second. Every figure says where it comes from.
import { STRATEGY_ROLES } from '../model/strategies.js';
import { readRunDocument } from '../results/store.js';
import type { HistoryEntry } from '../results/history.js';
import { publishedPlatforms, type PublishedRow } from '../results/published.js';
import { hasHotReloadMeasure, HEADLINE_WORKLOAD, isHotReloadMeasure, readsSources } from '../workloads/catalog.js';
import { PROJECT_WORKLOAD } from '../workloads/project.js';

/** Where the history's figures come from: a run on this machine. */
export interface RunSource {
  run: string;
  date: string;
  platform: string;
  /** What was measured: "npm-install, fixture medium", "project app", "watch". */
  test: string;
}

export interface InstallEffect extends RunSource {
  bindToNative: number;
  hybridToNative: number;
  /** What the advised layout takes of the current layout's time. */
  hybridToBind: number;
}

export interface PublishedEffect {
  source: string;
  platform: string;
  bindToNative: number;
  hybridToNative: number;
  hybridToBind: number;
}

/** Twice native or worse through the bind mount: work on the sources is slow enough to act on. */
export const SLOW_SOURCE_RATIO = 2;

/** Runs on `platform`, newest first. */
function runsOn(entries: readonly HistoryEntry[], platform: string): HistoryEntry[] {
  return entries.filter((e) => e.platforms.some((p) => p.name === platform)).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

function sourceOf(entry: HistoryEntry, platform: string, test: string): RunSource {
  return { run: entry.id, date: entry.startedAt.slice(0, 10), platform, test };
}

function ratioOf(entry: HistoryEntry, platform: string, workload: string, measure: string, strategy: string): number | null {
  return entry.ratios.find((r) => r.platform === platform && r.workload === workload && r.measure === measure && r.strategy === strategy)?.ratio ?? null;
}

/** The latest install measured under both layouts on `platform`: this project's own command first, else a fixture's
 * npm install (another project's command may time anything). */
export function installEffect(entries: readonly HistoryEntry[], platform: string, projectName: string): InstallEffect | null {
  const own = `project ${projectName}`;
  const effects = runsOn(entries, platform).flatMap((entry) =>
    (entry.fixture === own ? [PROJECT_WORKLOAD] : [HEADLINE_WORKLOAD]).flatMap((workload) => {
      const bind = ratioOf(entry, platform, workload, 'time', STRATEGY_ROLES.sharedMount);
      const hybrid = ratioOf(entry, platform, workload, 'time', STRATEGY_ROLES.hybridFix);
      if (bind === null || hybrid === null || bind === 0) return [];
      const test = workload === PROJECT_WORKLOAD ? entry.fixture : `${workload}, fixture ${entry.fixture}`;
      return [{ ...sourceOf(entry, platform, test), bindToNative: bind, hybridToNative: hybrid, hybridToBind: hybrid / bind }];
    }),
  );
  return effects.find((e) => e.test === own) ?? effects[0] ?? null;
}

/** The articles' npm installs, each platform's hybrid against its bind mount (ratios of published means). */
export function publishedEffects(rows: readonly PublishedRow[]): PublishedEffect[] {
  return publishedPlatforms(rows)
    .filter((p) => p.workload === HEADLINE_WORKLOAD)
    .flatMap((p) => {
      const bind = p.ratios.find((r) => r.strategy === STRATEGY_ROLES.sharedMount)?.value;
      const hybrid = p.ratios.find((r) => r.strategy === STRATEGY_ROLES.hybridFix)?.value;
      return bind && hybrid ? [{ source: p.source, platform: p.platform, bindToNative: bind, hybridToNative: hybrid, hybridToBind: hybrid / bind }] : [];
    });
}

export interface WatchMisses extends RunSource {
  /** Median share of the events written through the bind mount that never reached the watcher, in %. */
  missed: number;
}

/** The latest `watch` result through a bind mount on `platform` (read from its run.json); null when none is left. */
export async function watchMisses(entries: readonly HistoryEntry[], platform: string): Promise<WatchMisses | null> {
  for (const entry of runsOn(entries, platform).filter((e) => e.workloads.some(hasHotReloadMeasure))) {
    const doc = await readRunDocument(entry.runFile).catch(() => null);
    const cell = doc?.cells.find((c) => c.platform === platform && isHotReloadMeasure(c.workload, c.measure) && c.strategy === STRATEGY_ROLES.sharedMount);
    if (cell?.summary) return { ...sourceOf(entry, platform, cell.workload), missed: cell.summary.median };
  }
  return null;
}

export interface SourceWork extends RunSource {
  kind: string;
  fileSharing: string | null;
  /** git and traverse through the bind mount against native: "git status" 10.2; and under sync, when the same run
   * measured it there. */
  ratios: Array<{ test: string; ratio: number; synced: number | null }>;
}

/** The latest git or traverse run through a bind mount on `platform`, with its ratios to native. */
export function sourceWork(entries: readonly HistoryEntry[], platform: string): SourceWork | null {
  for (const entry of runsOn(entries, platform)) {
    const ratios = entry.ratios
      .filter((r) => r.platform === platform && r.strategy === STRATEGY_ROLES.sharedMount && readsSources(r.workload) && r.ratio !== null)
      .map((r) => ({
        test: `${r.workload} ${r.measure}`,
        ratio: r.ratio!,
        synced: ratioOf(entry, platform, r.workload, r.measure, STRATEGY_ROLES.synced),
      }));
    const identity = entry.platforms.find((p) => p.name === platform)!;
    const test = entry.workloads.filter(readsSources).join(', ');
    if (ratios.length > 0) return { ...sourceOf(entry, platform, test), kind: identity.kind, fileSharing: identity.fileSharing, ratios };
  }
  return null;
}
