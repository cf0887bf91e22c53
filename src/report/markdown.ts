// results.md: the seed article's table (OS | Platform | Test Type | Average Time (s) | Range (s)) with the
// statistics the article lacked, then what was measured on, and what went wrong.
import type { Cell, RunDocument } from '../results/schema.js';
import {
  cellNotes,
  durationText,
  fileSharingText,
  figure,
  fixed,
  metricText,
  mibText,
  overheadRatio,
  percent,
  platformTitle,
  problems,
  ratioText,
  STRATEGY_ORDER,
  STRATEGY_TITLES,
  testGroups,
  testTitle,
  worstCell,
  type TestGroup,
} from './format.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(cells: string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function cellRow(doc: RunDocument, cell: Cell, bold: boolean): string[] {
  const s = cell.summary;
  const ratio = cell.ratioToNative;
  const values = s
    ? [
        figure(s.mean),
        `${figure(s.min)}-${figure(s.max)}`,
        figure(s.median),
        `${figure(s.medianCi95.low)}-${figure(s.medianCi95.high)}`,
        percent(s.cv),
        ratio ? `${ratioText(ratio.value)} (${fixed(ratio.ci95.low)}-${fixed(ratio.ci95.high)})` : cell.strategy === 'native' ? '1.00x' : '—',
        String(s.n),
      ]
    : ['—', '—', '—', '—', '—', '—', '0'];
  const columns = [doc.host.os, platformTitle(doc, cell.platform), STRATEGY_TITLES[cell.strategy], ...values];
  const status = cell.status === 'ok' ? '' : ` (${cell.status})`;
  columns[2] += status;
  return bold ? columns.map((c) => `**${c}**`) : columns;
}

/** The seed's table for one test; its headers carry the test's unit ("Average Time (s)" for times, as in the seed). */
function groupTable(doc: RunDocument, group: TestGroup): string[] {
  const u = group.metric.unit;
  const average = group.metric.name === 'time' ? `Average Time (${u})` : `Average (${u})`;
  const lines = [
    row(['OS', 'Platform', 'Test Type', average, `Range (${u})`, `Median (${u})`, `95% CI (${u})`, 'CV', 'vs native', 'n']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const { cells } of group.platforms) {
    const worst = worstCell(cells);
    for (const cell of cells) lines.push(row(cellRow(doc, cell, cell === worst)));
  }
  return lines;
}

/** Many tests: one line per test and platform, the median of each strategy, to read the whole run at a glance. */
function overview(doc: RunDocument, groups: TestGroup[]): string[] {
  const strategies = STRATEGY_ORDER.filter((s) => doc.cells.some((c) => c.strategy === s));
  const lines = [
    row(['Test', 'Unit', 'Platform', ...strategies.map((s) => STRATEGY_TITLES[s])]),
    row(['---', '---', '---', ...strategies.map(() => '---:')]),
  ];
  for (const group of groups) {
    for (const { platform, cells } of group.platforms) {
      const worst = worstCell(cells);
      const medians = strategies.map((s) => {
        const cell = cells.find((c) => c.strategy === s);
        if (!cell?.summary) return cell ? '—' : '';
        const ratio = cell.ratioToNative && s !== 'native' ? ` (${ratioText(cell.ratioToNative.value)})` : '';
        const text = `${figure(cell.summary.median)}${ratio}`;
        return cell === worst ? `**${text}**` : text;
      });
      lines.push(row([testTitle(group), `${group.metric.unit} ${group.metric.lowerIsBetter ? '↓' : '↑'}`, platformTitle(doc, platform), ...medians]));
    }
  }
  return lines;
}

export function renderMarkdown(doc: RunDocument): string {
  const lines: string[] = [];
  const groups = testGroups(doc);
  const workload = doc.settings.workloads.join(', ');
  const fixtureUsed = doc.settings.workloads.some((w) => w === 'npm-install' || w === 'build' || w === 'project');
  lines.push(`# mountbench: ${workload}${fixtureUsed ? ` (${doc.settings.fixture} fixture)` : ''}`, '');
  const sizes = Object.entries(doc.settings.sizes);
  lines.push(
    `${doc.settings.runs} measured samples per cell after ${doc.settings.warmup} warm-up. ` +
      `Median with its 95% bootstrap confidence interval; "vs native" is the ratio of medians with its 95% interval. ` +
      `The worst strategy of each platform is in bold.` +
      (sizes.length > 0 && !fixtureUsed ? ` Sizes: ${sizes.map(([k, v]) => `${k} ${v}`).join(', ')}.` : ''),
    '',
  );
  if (groups.length > 1) {
    lines.push(
      '## Overview',
      '',
      'Median per strategy (ratio to native in brackets); ↓ lower is better, ↑ higher is better; the worst strategy of each line in bold.',
      '',
      ...overview(doc, groups),
      '',
    );
  }
  for (const group of groups) {
    lines.push(`## ${testTitle(group)}: ${metricText(group.metric)}`, '', ...groupTable(doc, group), '');
  }

  lines.push('## Platforms', '');
  for (const p of doc.platforms) {
    const id = p.identity;
    if (!id) {
      lines.push(`- **${p.name}**: ${p.error ?? 'not identified'}`);
      continue;
    }
    lines.push(
      `- **${platformTitle(doc, p.name)}** (\`${p.name}\`, ${id.endpoint}): ${id.kind}, engine ${id.engine.version}, ` +
        `${id.engine.os}, kernel ${id.engine.kernel}, ${id.engine.cpus} CPUs, ${mibText(id.engine.memoryBytes)}; ` +
        `bind mounts: ${fileSharingText(doc, p.name)}; image ${p.image?.ref ?? 'none'}` +
        (p.error ? `; error: ${p.error}` : ''),
    );
  }
  const h = doc.host;
  lines.push(
    `- **Host**: ${h.os} ${h.osVersion} (${h.arch}), ${h.cpuModel}, ${h.cpus} CPUs, ${mibText(h.memoryBytes)}, node ${h.node}, npm ${h.npm ?? 'not installed'}`,
    '',
  );

  const outliers = doc.cells
    .filter((c) => (c.summary?.outliers.length ?? 0) > 0)
    .map((c) => `${platformTitle(doc, c.platform)} / ${testTitle(c)} / ${STRATEGY_TITLES[c.strategy]}: outlier samples (MAD rule, kept): ${c.summary!.outliers.map((i) => `#${i + 1}`).join(', ')}`);
  const notes = [...problems(doc), ...cellNotes(doc), ...outliers];
  if (notes.length > 0 || doc.status !== 'complete') {
    lines.push('## Notes', '');
    if (doc.status !== 'complete') lines.push(`- The run is **${doc.status}**${doc.statusReason ? `: ${doc.statusReason}` : ''}.`);
    for (const note of notes) lines.push(`- ${note}`);
    lines.push('');
  }

  const overhead = overheadRatio(doc);
  lines.push(
    '## Run',
    '',
    `- \`${doc.command.join(' ')}\``,
    `- ${doc.startedAt} — ${doc.finishedAt ?? 'unfinished'}, mountbench ${doc.tool.version}, run ${doc.id}`,
    `- wall time ${durationText(doc.timing.wallSeconds)}; timed samples ${durationText(doc.timing.sampledSeconds)}; cache priming ${durationText(doc.timing.primingSeconds)}` +
      (overhead ? `; overhead ${ratioText(overhead)}` : ''),
    `- samples ran ${doc.settings.order}, ${doc.settings.online ? 'online (with the registry)' : 'offline from a primed cache'}; bootstrap seed ${doc.settings.seed}`,
    '',
  );
  return lines.join('\n');
}
