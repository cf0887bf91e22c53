// chart.svg: one panel per test, each with grouped bars (one group per platform, one bar per strategy) of the
// median, min–max whiskers and value labels, its own axis and unit; a title and a legend, readable without the table.
// Hand-written and deterministic: the same run document always gives the same bytes.
import type { ResultsView } from '../results/view.js';
import { largest } from '../util/extremes.js';
import { safeText } from '../util/safe-text.js';
import { STRATEGY_CATALOG, type StrategyName } from '../model/strategies.js';
import { isPartial, metricText, statusMark, STRATEGY_ORDER, strategyTitle, testGroups, testTitle, type TestGroup } from './format.js';

const colour = (strategy: StrategyName) => STRATEGY_CATALOG[strategy].colour;
const PARTIAL_INK = '#B3261E';

const BAR = 34;
const BAR_GAP = 6;
const GROUP_GAP = 44;
const LEFT = 72;
const RIGHT = 24;
const HEADER = 84;
const PANEL_TITLE = 34;
const PLOT_HEIGHT = 260;
const PANEL_LABELS = 52;
const PANEL_HEIGHT = PANEL_TITLE + PLOT_HEIGHT + PANEL_LABELS;
const LEGEND = 44;

// XML allows no control characters but tab, newline and CR: one in a name would leave the chart unreadable.
function escapeXml(text: string): string {
  return safeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function n(value: number): string {
  return Number(value.toFixed(2)).toString();
}

/** A round axis maximum and step (1, 2, 2.5 or 5 times a power of ten) and its ticks, about five. Values near the
 * float limit (a damaged or hostile run document) still give a finite axis and a handful of ticks, never a loop
 * that steps past Infinity. */
export function niceScale(max: number): { top: number; step: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] };
  const end = Math.min(max, Number.MAX_VALUE);
  const rough = end / 5;
  // Below a fifth of the smallest float there is no step to take: the axis is 0 and the value.
  if (!(rough > 0)) return { top: end, step: end, ticks: [0, end] };
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  let top = Math.ceil(end / step) * step;
  if (!Number.isFinite(top) || !(step > 0)) [top, step] = [end, rough];
  const count = Math.min(Math.round(top / step), 20);
  const ticks = Array.from({ length: count + 1 }, (_, i) => (i === count ? top : i * step));
  return { top, step, ticks };
}

function valueLabel(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value >= 1 || value === 0 ? value.toFixed(2) : Number(value.toPrecision(2)).toString();
}

/** An axis tick: the step's own precision, without floating-point residue. */
function tickLabel(value: number): string {
  return Number(value.toPrecision(6)).toString();
}

interface Layout {
  strategies: StrategyName[];
  groupWidth: number;
  groupsLeft: number;
  plotLeft: number;
  plotRight: number;
}

/** One test's panel, its top edge at `top`. */
function renderPanel(group: TestGroup, top: number, layout: Layout): string[] {
  const { strategies, groupWidth, groupsLeft, plotLeft, plotRight } = layout;
  const unit = group.metric.unit;
  const out: string[] = [];
  const plotTop = top + PANEL_TITLE;
  const cells = group.platforms.flatMap((p) => p.cells);
  const highest = largest(cells.map((c) => c.summary?.max ?? 0), 0);
  const { top: axisTop, ticks } = niceScale(highest * 1.08);
  const y = (v: number) => plotTop + PLOT_HEIGHT - (v / axisTop) * PLOT_HEIGHT;

  out.push(
    `<text x="${LEFT}" y="${top + 20}" font-size="14" font-weight="600" fill="#111">${escapeXml(`${testTitle(group)}: ${metricText(group.metric)}`)}</text>`,
  );
  for (const v of ticks) {
    const yy = n(y(v));
    out.push(
      `<line x1="${plotLeft}" x2="${plotRight}" y1="${yy}" y2="${yy}" stroke="${v === 0 ? '#333' : '#e3e3e3'}" stroke-width="1"/>`,
      `<text x="${plotLeft - 8}" y="${yy}" font-size="11" fill="#444" text-anchor="end" dominant-baseline="middle">${tickLabel(v)}</text>`,
    );
  }
  const axisMid = n(plotTop + PLOT_HEIGHT / 2);
  out.push(
    `<text x="18" y="${axisMid}" font-size="12" fill="#333" text-anchor="middle" transform="rotate(-90 18 ${axisMid})">${escapeXml(`${group.metric.name} (${unit})`)}</text>`,
  );

  group.platforms.forEach(({ platform, cells }, g) => {
    const groupLeft = groupsLeft + GROUP_GAP + g * (groupWidth + GROUP_GAP);
    strategies.forEach((strategy, i) => {
      const cell = cells.find((c) => c.strategy === strategy);
      const x = groupLeft + i * (BAR + BAR_GAP);
      const centre = n(x + BAR / 2);
      const s = cell?.summary;
      if (!cell) return;
      if (!s) {
        out.push(
          `<text x="${centre}" y="${n(y(0) - 6)}" font-size="10" fill="#888" text-anchor="middle">${escapeXml(cell.status === 'ok' ? 'n/a' : cell.status)}</text>`,
        );
        return;
      }
      const barTop = y(s.median);
      const mark = statusMark(cell);
      const tooltip = `${platform.title} / ${strategyTitle(strategy)}${mark ? ` (${mark})` : ''}: median ${valueLabel(s.median)} ${unit}, mean ${valueLabel(s.mean)}, range ${valueLabel(s.min)}–${valueLabel(s.max)}, n=${s.n}`;
      out.push(
        `<rect x="${n(x)}" y="${n(barTop)}" width="${BAR}" height="${n(y(0) - barTop)}" fill="${colour(strategy)}"${mark ? ' fill-opacity="0.45"' : ''}><title>${escapeXml(tooltip)}</title></rect>`,
        // A bar cut short (failed, interrupted) is hatched and says so: its figure is from fewer samples.
        ...(mark
          ? [
              `<rect x="${n(x)}" y="${n(barTop)}" width="${BAR}" height="${n(y(0) - barTop)}" fill="url(#partial)" stroke="${PARTIAL_INK}" stroke-dasharray="3 2"/>`,
              `<text x="${centre}" y="${n(y(s.max) - 20)}" font-size="10" fill="${PARTIAL_INK}" text-anchor="middle">${escapeXml(`n=${s.n}`)}</text>`,
            ]
          : []),
        `<line x1="${centre}" x2="${centre}" y1="${n(y(s.min))}" y2="${n(y(s.max))}" stroke="#222" stroke-width="1.2"/>`,
        `<line x1="${n(x + BAR / 2 - 6)}" x2="${n(x + BAR / 2 + 6)}" y1="${n(y(s.max))}" y2="${n(y(s.max))}" stroke="#222" stroke-width="1.2"/>`,
        `<line x1="${n(x + BAR / 2 - 6)}" x2="${n(x + BAR / 2 + 6)}" y1="${n(y(s.min))}" y2="${n(y(s.min))}" stroke="#222" stroke-width="1.2"/>`,
        `<text x="${centre}" y="${n(y(s.max) - 6)}" font-size="11" fill="#111" text-anchor="middle">${valueLabel(s.median)}</text>`,
      );
    });
    const title = platform.title;
    const [first, ...rest] = title.split(' (');
    const labelX = n(groupLeft + groupWidth / 2);
    out.push(`<text x="${labelX}" y="${n(y(0) + 20)}" font-size="12" font-weight="600" fill="#222" text-anchor="middle">${escapeXml(first)}</text>`);
    if (rest.length) {
      out.push(`<text x="${labelX}" y="${n(y(0) + 35)}" font-size="11" fill="#555" text-anchor="middle">${escapeXml(`(${rest.join(' (')}`)}</text>`);
    }
  });
  return out;
}

const LEGEND_ROW = 20;

/** The legend's swatches, laid out in rows that fit the width: one per strategy, and the hatch of cut-short cells. */
function legendItems(strategies: StrategyName[], partial: boolean, width: number) {
  const items = strategies.map((strategy) => ({ swatch: `fill="${colour(strategy)}"`, label: strategyTitle(strategy), ink: '#222' }));
  if (partial) items.push({ swatch: `fill="url(#partial)" stroke="${PARTIAL_INK}" stroke-dasharray="3 2"`, label: 'cut short (failed or interrupted)', ink: PARTIAL_INK });
  let [x, row] = [LEFT, 0];
  return items.map((item) => {
    const itemWidth = 18 + item.label.length * 7 + 24;
    if (x > LEFT && x + itemWidth - 24 > width - RIGHT) [x, row] = [LEFT, row + 1];
    const placed = { ...item, x, row };
    x += itemWidth;
    return placed;
  });
}

/** What a bar is, with the real number of samples behind the bars. */
function caption(view: ResultsView): string {
  const counts = [...new Set(view.cells.flatMap((c) => (c.summary ? [c.summary.n] : [])))].sort((a, b) => a - b);
  const samples = counts.length <= 1 ? `${counts[0] ?? 0} samples` : `each cell's samples (n = ${counts[0]} to ${counts[counts.length - 1]})`;
  return `Bars: median of ${samples}; whiskers: min–max.`;
}

/** Who measured: the host of one run, or how many runs and hosts are in view. */
function hostLine(view: ResultsView): string {
  const [first] = view.runs;
  if (view.runs.length === 1) {
    return `Host: ${first.host.os}, ${first.host.cpuModel}, ${first.host.cpus} CPUs · ${first.startedAt.slice(0, 10)} · mountbench ${first.tool.version}`;
  }
  const dates = view.runs.map((r) => r.startedAt.slice(0, 10)).sort();
  return `${view.runs.length} runs, ${dates[0]} to ${dates[dates.length - 1]}`;
}

export function renderSvg(view: ResultsView): string {
  const groups = testGroups(view);
  const platformCount = Math.max(1, ...groups.map((g) => g.platforms.length));
  const strategies = STRATEGY_ORDER.filter((s) => view.cells.some((c) => c.strategy === s));
  const groupWidth = strategies.length * BAR + (strategies.length - 1) * BAR_GAP;
  const contentWidth = platformCount * groupWidth + (platformCount + 1) * GROUP_GAP;
  const workloads = [...new Set(view.runs.flatMap((r) => r.settings.workloads))].join(', ');
  const title = `${workloads}: per mount strategy`;
  // Wide enough for the bars, the title (about 10 px per character at 18 px) and the caption (about 6.5 at 12 px).
  const width = Math.max(LEFT + RIGHT + contentWidth, 640, Math.ceil(LEFT + RIGHT + title.length * 10), Math.ceil(LEFT + RIGHT + caption(view).length * 6.5));
  // Centre the groups when the chart is wider than they need (one platform).
  const layout: Layout = {
    strategies,
    groupWidth,
    groupsLeft: LEFT + (width - LEFT - RIGHT - contentWidth) / 2,
    plotLeft: LEFT,
    plotRight: width - RIGHT,
  };
  const legendTop = HEADER + groups.length * PANEL_HEIGHT + 16;
  const legend = legendItems(strategies, view.cells.some(isPartial), width);
  const height = legendTop + LEGEND + (legend[legend.length - 1].row * LEGEND_ROW);
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" role="img">`,
    `<title>${escapeXml(`mountbench: ${workloads} — median per strategy and platform`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...(view.cells.some(isPartial)
      ? [`<defs><pattern id="partial" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${PARTIAL_INK}" stroke-width="1.5"/></pattern></defs>`]
      : []),
    `<text x="${LEFT}" y="30" font-size="18" font-weight="600" fill="#111">${escapeXml(title)}</text>`,
    `<text x="${LEFT}" y="52" font-size="12" fill="#555">${escapeXml(
      caption(view),
    )}</text>`,
    `<text x="${LEFT}" y="70" font-size="12" fill="#555">${escapeXml(
      hostLine(view),
    )}</text>`,
  );
  groups.forEach((group, i) => out.push(...renderPanel(group, HEADER + i * PANEL_HEIGHT, layout)));

  for (const item of legend) {
    const top = legendTop + item.row * LEGEND_ROW;
    out.push(
      `<rect x="${n(item.x)}" y="${top}" width="12" height="12" ${item.swatch}/>`,
      `<text x="${n(item.x + 18)}" y="${top + 10}" font-size="12" fill="${item.ink}">${escapeXml(item.label)}</text>`,
    );
  }
  out.push('</svg>', '');
  return out.join('\n');
}
