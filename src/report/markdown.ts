// results.md: the seed article's table (OS | Platform | Test Type | Average Time (s) | Range (s)) with the
// statistics the article lacked, then what was measured on, and what went wrong.
import type { Cell, RunDocument } from '../results/schema.js';
import {
  cellsByPlatform,
  durationText,
  fileSharingText,
  fixed,
  mibText,
  overheadRatio,
  percent,
  platformTitle,
  ratioText,
  slowestCell,
  STRATEGY_TITLES,
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
        fixed(s.mean),
        `${fixed(s.min)}-${fixed(s.max)}`,
        fixed(s.median),
        `${fixed(s.medianCi95.low)}-${fixed(s.medianCi95.high)}`,
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

export function renderMarkdown(doc: RunDocument): string {
  const lines: string[] = [];
  const workload = doc.settings.workloads.join(', ');
  lines.push(`# mountbench: ${workload} (${doc.settings.fixture} fixture)`, '');
  lines.push(
    `${doc.settings.runs} measured samples per cell after ${doc.settings.warmup} warm-up; times in seconds, lower is better. ` +
      `Median with its 95% bootstrap confidence interval; "vs native" is the ratio of medians with its 95% interval. ` +
      `The slowest strategy of each platform is in bold.`,
    '',
  );
  lines.push(
    row(['OS', 'Platform', 'Test Type', 'Average Time (s)', 'Range (s)', 'Median (s)', '95% CI (s)', 'CV', 'vs native', 'n']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  );
  for (const { cells } of cellsByPlatform(doc)) {
    const slowest = slowestCell(cells);
    for (const cell of cells) lines.push(row(cellRow(doc, cell, cell === slowest)));
  }
  lines.push('');

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

  const notes = doc.cells.filter((c) => c.status !== 'ok' || (c.summary?.outliers.length ?? 0) > 0);
  if (notes.length > 0 || doc.status !== 'complete') {
    lines.push('## Notes', '');
    if (doc.status !== 'complete') lines.push(`- The run is **${doc.status}**${doc.statusReason ? `: ${doc.statusReason}` : ''}.`);
    for (const c of notes) {
      const title = `${platformTitle(doc, c.platform)} / ${STRATEGY_TITLES[c.strategy]}`;
      if (c.status !== 'ok') lines.push(`- ${title}: ${c.status}${c.reason ? ` — ${c.reason}` : ''}`);
      if (c.summary?.outliers.length) lines.push(`- ${title}: outlier samples (MAD rule, kept): ${c.summary.outliers.map((i) => `#${i + 1}`).join(', ')}`);
    }
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
