// Shared wording and number formats of every report, so the table, CSV, Markdown and chart say the same thing.
import type { Cell, RunDocument, StrategyName } from '../results/schema.js';

/** The names the seed article uses ("Test Type"). */
export const STRATEGY_TITLES: Record<StrategyName, string> = {
  native: 'Native',
  container: 'No volumes',
  hybrid: 'Bind mount + volume',
  bind: 'Bind mount',
  volume: 'Volume',
  sync: 'Sync',
};

export const STRATEGY_ORDER: readonly StrategyName[] = ['native', 'container', 'hybrid', 'bind', 'volume', 'sync'];

export function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}

export function ratioText(value: number): string {
  return `${value.toFixed(2)}x`;
}

export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** A platform's display name: its label, with the endpoint name added when two platforms share a label. */
export function platformTitle(doc: RunDocument, name: string): string {
  const label = (n: string) => doc.platforms.find((p) => p.name === n)?.identity?.label ?? n;
  const mine = label(name);
  if (mine === name) return name;
  const shared = doc.platforms.filter((p) => label(p.name) === mine).length > 1;
  return shared ? `${mine} (${name})` : mine;
}

export function fileSharingText(doc: RunDocument, name: string): string {
  const sharing = doc.platforms.find((p) => p.name === name)?.identity?.fileSharing;
  if (!sharing) return 'unknown';
  return sharing.fstype ? `${sharing.mechanism} (${sharing.fstype})` : sharing.mechanism;
}

/** Cells grouped per platform in run order, strategies in the seed's order. */
export function cellsByPlatform(doc: RunDocument): Array<{ platform: string; cells: Cell[] }> {
  const platforms = [...new Set(doc.cells.map((c) => c.platform))];
  return platforms.map((platform) => ({
    platform,
    cells: doc.cells
      .filter((c) => c.platform === platform)
      .sort((a, b) => STRATEGY_ORDER.indexOf(a.strategy) - STRATEGY_ORDER.indexOf(b.strategy)),
  }));
}

/** The cell with the highest mean on its platform (worst, when lower is better): bold in the seed's table. */
export function slowestCell(cells: Cell[]): Cell | undefined {
  const measured = cells.filter((c) => c.summary);
  if (measured.length < 2) return undefined;
  return measured.reduce((worst, c) => (c.summary!.mean > worst.summary!.mean ? c : worst));
}

export function mibText(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

export function durationText(seconds: number): string {
  if (seconds < 59.95) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  return m < 60 ? `${m} min ${whole % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Whole-run wall time against what was measured: the overhead of setting up, resetting and cleaning. */
export function overheadRatio(doc: RunDocument): number | null {
  const useful = doc.timing.sampledSeconds + doc.timing.primingSeconds;
  return useful > 0 ? doc.timing.wallSeconds / useful : null;
}
