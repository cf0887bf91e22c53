// The dot plot of one test for report.html: every measured sample as a dot (warm-ups left out), the median as a
// tick and its interval as a bar where there is one, a row per platform and strategy on one axis from 0. Inline SVG
// that scales with its viewBox; text and rules take their colours from the page's CSS (light, dark, print), the
// strategies theirs from the catalog, as in chart.svg. Cells cut short are outlined and say so under their label.
import type { ViewCell, ViewPlatform } from '../results/view.js';
import { measuredValues } from '../stats/summarise-cells.js';
import { STRATEGY_CATALOG } from '../model/strategies.js';
import { figure, medianIntervalText, metricText, statusMark, strategyTitle, testTitle, type TestGroup } from './format.js';
import { niceScale } from './svg.js';
import { largest } from '../util/extremes.js';
import { safeText } from '../util/safe-text.js';

const WIDTH = 400;
const PLOT_LEFT = 136;
const PLOT_RIGHT = WIDTH - 14;
const HEAD = 22;
const ROW = 22;
/** A row cut short has a second line under its label. */
const CUT_ROW = 34;
const AXIS = 44;

export function escapeHtml(text: string): string {
  return safeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const n = (value: number) => Number(value.toFixed(2)).toString();

/** Text that may not fit its width (a long platform title) is squeezed to it rather than cut off. */
function fitted(text: string, size: number, width: number): string {
  return text.length * size * 0.58 > width ? ` textLength="${width}" lengthAdjust="spacingAndGlyphs"` : '';
}

/** What a row's tooltip says: the figures behind its marks. */
function rowTitle(platform: ViewPlatform, cell: ViewCell): string {
  const s = cell.summary;
  const mark = statusMark(cell);
  const what = `${platform.title} / ${strategyTitle(cell.strategy)}${mark ? ` (${mark})` : ''}`;
  if (!s) return `${what}: no measured sample`;
  return `${what}: median ${figure(s.median)} ${cell.metric.unit}, interval ${medianIntervalText(s, '–')}, n=${s.n}`;
}

/** One strategy's row, its middle at `mid`. */
function row(cell: ViewCell, platform: ViewPlatform, mid: number, x: (v: number) => number): string[] {
  const s = cell.summary;
  const mark = statusMark(cell);
  const colour = STRATEGY_CATALOG[cell.strategy].colour;
  const labelY = mark ? mid - 5 : mid;
  const out = [
    `<g data-run="${escapeHtml(platform.run.id)}" data-cell="${escapeHtml(cell.id)}"><title>${escapeHtml(rowTitle(platform, cell))}</title>`,
    `<text x="0" y="${n(labelY)}" dominant-baseline="middle"${mark ? ' class="cut"' : ''}>${escapeHtml(strategyTitle(cell.strategy))}</text>`,
  ];
  if (mark) {
    out.push(
      `<text x="0" y="${n(mid + 9)}" dominant-baseline="middle" class="cut small">${escapeHtml(s ? `${mark}, n=${s.n}` : mark)}</text>`,
      `<rect class="outline" x="${PLOT_LEFT - 4}" y="${n(mid - 10)}" width="${PLOT_RIGHT - PLOT_LEFT + 8}" height="20"/>`,
    );
  }
  if (!s) {
    const why = mark ? 'no measured sample' : 'no value (see Notes)';
    out.push(`<text x="${PLOT_LEFT + 4}" y="${n(mid)}" dominant-baseline="middle" class="muted small">${why}</text></g>`);
    return out;
  }
  if (s.interval) {
    const [low, high] = [x(s.interval.low), x(s.interval.high)];
    out.push(`<rect x="${n(low)}" y="${n(mid - 5)}" width="${n(Math.max(high - low, 1))}" height="10" fill="${colour}" fill-opacity="0.3"/>`);
  }
  // Dots of equal values would hide each other: each is nudged up or down in turn.
  measuredValues(cell).forEach(({ value }, i) => {
    const paint = mark ? `fill="none" stroke="${colour}" stroke-width="1.5"` : `fill="${colour}" fill-opacity="0.8"`;
    out.push(`<circle cx="${n(x(value))}" cy="${n(mid + ((i % 3) - 1) * 4)}" r="3.5" ${paint}/>`);
  });
  out.push(`<line class="median" x1="${n(x(s.median))}" x2="${n(x(s.median))}" y1="${n(mid - 8)}" y2="${n(mid + 8)}"/></g>`);
  return out;
}

/** The test's dot plot: platforms one under the other (each titled when there are several), one axis for all. */
export function dotPlot(group: TestGroup): string {
  const cells = group.platforms.flatMap((p) => p.cells);
  const highest = largest(cells.flatMap((c) => [...measuredValues(c).map((v) => v.value), c.summary?.interval?.high ?? 0]), 0);
  const { top, ticks } = niceScale(highest * 1.05);
  const x = (v: number) => PLOT_LEFT + (v / top) * (PLOT_RIGHT - PLOT_LEFT);
  const titled = group.platforms.length > 1;
  const body: string[] = [];
  let y = 4;
  for (const { platform, cells } of group.platforms) {
    if (titled) {
      body.push(`<text x="0" y="${y + 15}" class="head"${fitted(platform.title, 12, WIDTH)}>${escapeHtml(platform.title)}</text>`);
      y += HEAD;
    }
    for (const cell of cells) {
      const height = statusMark(cell) ? CUT_ROW : ROW;
      // One element per sample: pushed one by one, as a spread of 300,000 arguments overflows the stack.
      for (const element of row(cell, platform, y + height / 2, x)) body.push(element);
      y += height;
    }
  }
  const plotBottom = y + 4;
  const axis: string[] = [];
  for (const v of ticks) {
    const xx = n(x(v));
    axis.push(
      `<line class="grid" x1="${xx}" x2="${xx}" y1="4" y2="${plotBottom}"/>`,
      `<text x="${xx}" y="${plotBottom + 14}" text-anchor="middle" class="muted small">${Number(v.toPrecision(6))}</text>`,
    );
  }
  const height = plotBottom + AXIS;
  const label = metricText(group.metric);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img">`,
    `<title>${escapeHtml(`${testTitle(group)}: every measured sample per strategy${titled ? ' and platform' : ''}, ${label}`)}</title>`,
    ...axis,
    `<line class="axis" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${plotBottom}" y2="${plotBottom}"/>`,
    `<text x="${PLOT_RIGHT}" y="${plotBottom + 34}" text-anchor="end" class="muted"${fitted(label, 12, WIDTH)}>${escapeHtml(label)}</text>`,
    ...body,
    '</svg>',
  ].join('\n');
}
