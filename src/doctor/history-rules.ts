// Findings from this machine's own runs (the local history and each run's run.json): measured here, not published.
import { figure, ratioText, strategyTitle } from '../report/format.js';
import { isImplemented, STRATEGY_ROLES } from '../model/strategies.js';
import { HEADLINE_WORKLOAD, isHotReloadMeasure, usesFixture } from '../workloads/catalog.js';
import type { Rule } from './finding.js';
import type { PastCell, PastRun } from './past-runs.js';
import { POLLING } from './settings-rules.js';

const title = (strategy: string) => (isImplemented(strategy) ? strategyTitle(strategy) : strategy);

const runSource = (run: PastRun) => `run ${run.id}: ${run.runFile}${run.note ? ` (only the history's ratios: ${run.note})` : ''}`;

/** "npm-install (medium fixture)", "files create": the test as a reader knows it. */
function testName(cell: PastCell, run: PastRun): string {
  const measure = cell.measure === 'time' ? '' : ` ${cell.measure}`;
  const fixture = usesFixture(cell.workload) ? ` (${run.fixture} fixture)` : '';
  return `${cell.workload}${measure}${fixture}`;
}

/** The cell a run is summed up by: npm install in a bind mount, the seed's headline, else the first bind cell. */
function headline(run: PastRun): PastCell | undefined {
  const ratioed = run.cells.filter((c) => c.ratio !== null && c.strategy !== STRATEGY_ROLES.reference);
  return ratioed.find((c) => c.workload === HEADLINE_WORKLOAD && c.strategy === STRATEGY_ROLES.sharedMount) ?? ratioed.find((c) => c.strategy === STRATEGY_ROLES.sharedMount) ?? ratioed[0];
}

/** The latest run that measured the platform: its headline ratio to native. */
export const lastRun: Rule = (p) => {
  const run = p.runs.find((r) => headline(r) !== undefined);
  const cell = run && headline(run);
  if (!run || !cell) return [];
  const native = run.cells.find((c) => c.workload === cell.workload && c.measure === cell.measure && c.strategy === STRATEGY_ROLES.reference);
  const evidence =
    cell.median !== null && native?.median != null
      ? `${title(cell.strategy)}: median ${figure(cell.median)} ${cell.unit}; Native: median ${figure(native.median)} ${native.unit}; the ratio is of the medians`
      : 'the ratio of medians recorded in the history';
  return [
    {
      platform: p.name,
      severity: 'info',
      text: `your last run (${run.startedAt.slice(0, 10)}): ${title(cell.strategy)} ${ratioText(cell.ratio!)} native for ${testName(cell, run)}`,
      evidence,
      source: runSource(run),
    },
  ];
};

/** The latest `watch` result through a bind mount: whether file events written on the host reached the container. */
export const watchEvents: Rule = (p) => {
  for (const run of p.runs) {
    const cell = run.cells.find((c) => isHotReloadMeasure(c.workload, c.measure) && c.strategy === STRATEGY_ROLES.sharedMount);
    if (cell?.median == null) continue;
    const evidence = `watch, run ${run.startedAt.slice(0, 10)}: a median of ${Number(cell.median.toFixed(1))}${cell.unit ?? '%'} of the files written on the host never reached a watcher in a bind-mounted container`;
    if (cell.median === 0) return [{ platform: p.name, severity: 'info', text: 'file events written on the host reach watchers through this mount: hot reload works', evidence, source: runSource(run) }];
    return [
      {
        platform: p.name,
        severity: 'broken',
        text: 'inotify events do not cross this mount: hot reload needs polling',
        evidence,
        source: runSource(run),
        fix: { where: 'the dev server\'s environment (docker run -e, or environment: in the compose file)', how: POLLING },
      },
    ];
  }
  return [];
};

export const HISTORY_RULES: readonly Rule[] = [lastRun, watchEvents];
