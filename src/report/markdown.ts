// results.md: the seed article's table (OS | Platform | Test Type | Average Time (s) | Range (s)) with the
// statistics the article lacked, then what was measured on, and what went wrong.
import type { RunDocument } from '../model/run-document.js';
import type { ResultsView, ViewCell, ViewPlatform } from '../results/view.js';
import { changeSection, comparisonSection, costSection, methodSection, row, samplingSection, syncSection } from './markdown-sections.js';
import { REFERENCE_STRATEGY } from '../model/strategies.js';
import {
  durationText,
  fileSharingText,
  figure,
  lacksSamplesForInterval,
  medianIntervalText,
  metricText,
  mibText,
  overheadRatio,
  percent,
  ratioCellText,
  ratioText,
  reportNotes,
  samplesSentence,
  statusCount,
  statusMark,
  STRATEGY_ORDER,
  strategyTitle,
  testGroups,
  testTitle,
  worstCell,
  type TestGroup,
} from './format.js';

function cellRow(platform: ViewPlatform, cell: ViewCell, bold: boolean): string[] {
  const s = cell.summary;
  const values = s
    ? [figure(s.mean), `${figure(s.min)}-${figure(s.max)}`, figure(s.median), medianIntervalText(s), percent(s.cv), ratioCellText(cell), String(s.n)]
    : ['—', '—', '—', '—', '—', '—', '0'];
  const mark = statusMark(cell);
  const columns = [platform.run.host.os, platform.title, `${strategyTitle(cell.strategy)}${mark ? ` (${mark})` : ''}`, ...values];
  return bold ? columns.map((c) => `**${c}**`) : columns;
}

/** The seed's table for one test; its headers carry the test's unit ("Average Time (s)" for times, as in the seed). */
function groupTable(group: TestGroup): string[] {
  const u = group.metric.unit;
  const average = group.metric.name === 'time' ? `Average Time (${u})` : `Average (${u})`;
  const lines = [
    row(['OS', 'Platform', 'Test Type', average, `Range (${u})`, `Median (${u})`, `Median CI (${u})`, 'CV', 'vs native', 'n']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const { platform, cells } of group.platforms) {
    const worst = worstCell(cells);
    for (const cell of cells) lines.push(row(cellRow(platform, cell, cell === worst)));
  }
  return lines;
}

/** Many tests: one line per test and platform, the median of each strategy, to read the whole run at a glance. */
function overview(view: ResultsView, groups: TestGroup[]): string[] {
  const strategies = STRATEGY_ORDER.filter((s) => view.cells.some((c) => c.strategy === s));
  const lines = [
    row(['Test', 'Unit', 'Platform', ...strategies.map((s) => strategyTitle(s))]),
    row(['---', '---', '---', ...strategies.map(() => '---:')]),
  ];
  for (const group of groups) {
    for (const { platform, cells } of group.platforms) {
      const worst = worstCell(cells);
      const medians = strategies.map((s) => {
        const cell = cells.find((c) => c.strategy === s);
        if (!cell) return '';
        const mark = statusMark(cell);
        if (!cell.summary) return mark ?? '—';
        const ratio = cell.ratioToNative && s !== REFERENCE_STRATEGY ? ` (${ratioText(cell.ratioToNative.value)})` : '';
        const text = `${figure(cell.summary.median)}${ratio}`;
        const bolded = cell === worst ? `**${text}**` : text;
        return mark ? `${bolded} (${mark}, n=${cell.summary.n})` : bolded;
      });
      lines.push(row([testTitle(group), `${group.metric.unit} ${group.metric.lowerIsBetter ? '↓' : '↑'}`, platform.title, ...medians]));
    }
  }
  return lines;
}

/** The title and what the figures are: one run's settings, or what the runs in view share. */
function heading(view: ResultsView): string[] {
  const first = view.runs[0];
  const workloads = [...new Set(view.runs.flatMap((r) => r.settings.workloads))];
  const fixtures = [...new Set(view.runs.map((r) => r.settings.fixture))];
  const fixtureUsed = workloads.some((w) => w === 'npm-install' || w === 'build' || w === 'project');
  const same = <T>(pick: (r: RunDocument) => T) => view.runs.every((r) => JSON.stringify(pick(r)) === JSON.stringify(pick(first)));
  const samples = same((r) => [r.settings.runs, r.settings.auto, r.settings.warmup]) ? samplesSentence(first) : `${view.runs.length} runs with different sample counts (see Runs).`;
  const sizes = same((r) => r.settings.sizes) ? Object.entries(first.settings.sizes) : [];
  const tooFew = view.cells.some(lacksSamplesForInterval);
  const count = statusCount(view.cells);
  return [
    `# mountbench: ${workloads.join(', ')}${fixtureUsed ? ` (${fixtures.join(', ')} fixture)` : ''}`,
    '',
    `${samples} ` +
      `Median with a distribution-free confidence interval (its exact coverage in brackets, at least 95%); "vs native" is ` +
      `the ratio of medians with an interval that holds with at least the probability shown (see Method). ` +
      (tooFew ? 'An interval needs 6 samples per cell, 7 each for a ratio: — marks where there were fewer. ' : '') +
      `The worst strategy of each platform (by median) is in bold.` +
      (sizes.length > 0 && !fixtureUsed ? ` Sizes: ${sizes.map(([k, v]) => `${k} ${v}`).join(', ')}.` : ''),
    '',
    ...(count ? [`**${count}**: marked in the tables; the reasons are under Notes.`, ''] : []),
  ];
}

function platformsSection(view: ResultsView): string[] {
  const lines = ['## Platforms', ''];
  for (const platform of view.platforms) {
    const { record: p, title } = platform;
    const id = p.identity;
    if (!id) {
      lines.push(`- **${p.name}**: ${p.error ?? 'not identified'}`);
      continue;
    }
    lines.push(
      `- **${title}** (\`${p.name}\`, ${id.endpoint}): ${id.kind}, engine ${id.engine.version}, ` +
        `${id.engine.os}, kernel ${id.engine.kernel}, ${id.engine.cpus} CPUs, ${mibText(id.engine.memoryBytes)}; ` +
        `bind mounts: ${fileSharingText(platform)}; image ${p.image?.ref ?? 'none'}${p.image?.note ? ` (${p.image.note})` : ''}` +
        (p.error ? `; error: ${p.error}` : ''),
    );
  }
  for (const run of view.runs) {
    const h = run.host;
    const which = view.runs.length > 1 ? ` (run ${run.id})` : '';
    lines.push(`- **Host**${which}: ${h.os} ${h.osVersion} (${h.arch}), ${h.cpuModel}, ${h.cpus} CPUs, ${mibText(h.memoryBytes)}, node ${h.node}, npm ${h.npm ?? 'not installed'}`);
  }
  return [...lines, ''];
}

function notesSection(view: ResultsView): string[] {
  const notes = reportNotes(view);
  return notes.length === 0 ? [] : ['## Notes', '', ...notes.map((note) => `- ${note}`), ''];
}

function runSection(view: ResultsView): string[] {
  const lines = [view.runs.length > 1 ? '## Runs' : '## Run', ''];
  for (const doc of view.runs) {
    const overhead = overheadRatio(doc);
    lines.push(
      `- \`${doc.command.join(' ')}\``,
      `- ${doc.startedAt} — ${doc.finishedAt ?? 'unfinished'}, mountbench ${doc.tool.version}, run ${doc.id}`,
      `- wall time ${durationText(doc.timing.wallSeconds)}; timed samples ${durationText(doc.timing.sampledSeconds)}; cache priming ${durationText(doc.timing.primingSeconds)}` +
        (overhead ? `; overhead ${ratioText(overhead)}` : ''),
      `- samples ran ${doc.settings.order}, ${doc.settings.online ? 'online (with the registry)' : 'offline from a primed cache'}`,
      '',
    );
  }
  return lines;
}

export function renderMarkdown(view: ResultsView): string {
  const groups = testGroups(view);
  const lines = [...heading(view), ...comparisonSection(view), ...changeSection(view)];
  if (groups.length > 1) {
    lines.push(
      '## Overview',
      '',
      'Median per strategy (ratio to native in brackets); ↓ lower is better, ↑ higher is better; the worst strategy of each line in bold.',
      '',
      ...overview(view, groups),
      '',
    );
  }
  for (const group of groups) {
    lines.push(`## ${testTitle(group)}: ${metricText(group.metric)}`, '', ...groupTable(group), '');
  }
  lines.push(...syncSection(view), ...costSection(view));
  lines.push(...platformsSection(view), ...notesSection(view), ...samplingSection(view), ...methodSection(), ...runSection(view));
  return lines.join('\n');
}
