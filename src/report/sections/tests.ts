// Per test, the seed's table (OS | Platform | Test Type | Average Time (s) | Range (s)) with the statistics the
// article lacked, a row per cell, the worst strategy of each platform marked; and on the page a dot plot of every
// sample. The test's unit heads its columns ("Average Time (s)" for times, as in the seed).
import { STRATEGY_CATALOG } from '../../model/strategies.js';
import type { ViewCell } from '../../results/view.js';
import { figure, medianInterval, metricText, percent, ratioCell, statusMark, strategyTitle, testGroups, testTitle, worstCell, type TestGroup } from '../format.js';
import { verdictWords, hasVerdicts } from '../ratio-verdict.js';
import { columns, groupedTable, type Row, type RowMark, type Section, type SectionSource } from '../section.js';

/** The id of a test's section: "test-files-stat". */
const testId = (group: TestGroup) => `test-${testTitle(group).replace(/[^A-Za-z0-9]+/g, '-')}`;

function cellRow(run: string, cell: ViewCell, worst: boolean, verdicts: boolean): Row {
  const s = cell.summary;
  const mark = statusMark(cell);
  const verdict = verdicts ? [verdictWords(cell) ?? '—'] : [];
  const values = s
    ? [figure(s.mean), [{ range: [figure(s.min), figure(s.max)] as const }], figure(s.median), medianInterval(s), percent(s.cv), ratioCell(cell), ...verdict, String(s.n)]
    : ['—', '—', '—', '—', '—', '—', ...verdict, '0'];
  const strategy = { text: `${strategyTitle(cell.strategy)}${mark ? ` (${mark})` : ''}`, swatch: STRATEGY_CATALOG[cell.strategy].colour };
  const marks: RowMark[] = [...(worst ? ['worst' as const] : []), ...(mark ? ['cut' as const] : [])];
  return { cells: [strategy, ...values], marks, data: { run, cell: cell.id } };
}

function testSection(group: TestGroup): Section {
  const u = group.metric.unit;
  const verdicts = hasVerdicts(group.platforms.flatMap((p) => p.cells));
  const average = group.metric.name === 'time' ? `Average Time (${u})` : `Average (${u})`;
  const head = columns(['OS', 'text'], ['Platform', 'text'], ['Test Type', 'text'], [average, 'numeric'], [`Range (${u})`, 'numeric'], [`Median (${u})`, 'numeric'],
    [`Median CI (${u})`, 'numeric'], ['CV', 'numeric'], ['vs native', 'numeric'], ...(verdicts ? [['Verdict', 'wrapped'] as [string, 'wrapped']] : []), ['n', 'numeric']);
  const groups = group.platforms.map(({ platform, cells }) => {
    const worst = worstCell(cells);
    return { head: [platform.run.host.os, platform.title], rows: cells.map((cell) => cellRow(platform.run.id, cell, cell === worst, verdicts)) };
  });
  return {
    id: testId(group),
    title: `${testTitle(group)}: ${metricText(group.metric)}`,
    nav: testTitle(group),
    blocks: [
      { kind: 'figure', dotPlot: group, caption: 'Dots: every measured sample (warm-ups left out); tick: the median; bar: its interval, where there are enough samples for one.' },
      groupedTable(head, groups),
    ],
  };
}

export const testsSection: SectionSource = { id: 'tests', build: (view) => testGroups(view).map(testSection) };
