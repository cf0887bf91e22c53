// Ratios to native side by side across runs, and the articles' figures as rows of their own, marked published:
// only when the view compares.
import { comparisonTables, isComparison } from '../comparison.js';
import { strategyTitle } from '../format.js';
import { columns, heading, muted, paragraph, table, type SectionSource } from '../section.js';

const INTRO = 'What travels between machines: each platform under each strategy over its own native on the same machine. Measured ratios are of medians, with their interval; published ones';
const INTRO_END = "are the articles' ratios of means, not measured here.";

export const comparisonSection: SectionSource = {
  id: 'comparison',
  build: (view) => {
    if (!isComparison(view)) return [];
    const tables = comparisonTables(view).flatMap((t) => [
      heading(t.test),
      table(
        columns(['Platform', 'wrapped'], ['Machine', 'wrapped'], ['Date', 'text'], ['Source', 'wrapped'], ...t.strategies.map((s): [string, 'numeric'] => [strategyTitle(s), 'numeric'])),
        t.rows.map((r) => ({
          cells: [r.title, r.machine, r.date, r.source, ...t.strategies.map((s) => r.ratios[s] ?? '—')],
          marks: r.published ? ['published' as const] : [],
        })),
      ),
      ...(t.notes.length ? [muted(t.notes)] : []),
    ]);
    return [
      {
        id: 'comparison',
        title: 'Ratios to native across runs',
        nav: 'Across runs',
        // The page shades and tags the published rows; results.md sets them in italics.
        blocks: [paragraph(`${INTRO} ${INTRO_END}`, 'markdown'), paragraph(`${INTRO} (shaded, marked) ${INTRO_END}`, 'html'), ...tables],
      },
    ];
  },
};
