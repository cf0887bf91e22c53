// Many tests in results.md: one line per test and platform, the median of each strategy, to read the whole run at a
// glance (the page has a dot plot per test instead).
import { REFERENCE_STRATEGY } from '../../model/strategies.js';
import type { ViewCell } from '../../results/view.js';
import { figure, ratioText, statusMark, STRATEGY_ORDER, strategyTitle, testGroups, testTitle, worstCell } from '../format.js';
import { columns, row, table, type SectionSource } from '../section.js';
import type { Text } from '../text.js';

/** A strategy's median, its ratio to native in brackets, bold when the worst, marked when cut short. */
function medianText(cell: ViewCell | undefined, worst: boolean): Text {
  if (!cell) return '';
  const mark = statusMark(cell);
  if (!cell.summary) return mark ?? '—';
  const ratio = cell.ratioToNative && cell.strategy !== REFERENCE_STRATEGY ? ` (${ratioText(cell.ratioToNative.value)})` : '';
  const text = `${figure(cell.summary.median)}${ratio}`;
  return [worst ? { strong: text } : text, mark ? ` (${mark}, n=${cell.summary.n})` : ''];
}

export const overviewSection: SectionSource = {
  id: 'overview',
  build: (view) => {
    const groups = testGroups(view);
    if (groups.length < 2) return [];
    const strategies = STRATEGY_ORDER.filter((s) => view.cells.some((c) => c.strategy === s));
    const rows = groups.flatMap((group) =>
      group.platforms.map(({ platform, cells }) => {
        const worst = worstCell(cells);
        const medians = strategies.map((s) => cells.find((c) => c.strategy === s)).map((cell) => medianText(cell, cell === worst));
        return row([testTitle(group), `${group.metric.unit} ${group.metric.lowerIsBetter ? '↓' : '↑'}`, platform.title, ...medians]);
      }),
    );
    return [
      {
        id: 'overview',
        title: 'Overview',
        only: 'markdown',
        intro: 'Median per strategy (ratio to native in brackets); ↓ lower is better, ↑ higher is better; the worst strategy of each line in bold.',
        blocks: [table(columns(['Test', 'text'], ['Unit', 'text'], ['Platform', 'text'], ...strategies.map((s): [string, 'numeric'] => [strategyTitle(s), 'numeric'])), rows)],
      },
    ];
  },
};
