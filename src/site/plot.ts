// Every machine's ratio to native as a dot, a row per platform and strategy, on a log axis (2x slower sits as far
// from 1 as 2x faster). Machines whose ratios round to the same place (1% apart on the axis) share one dot whose
// area grows with their count, so the plot of 10,000 machines weighs what the plot of a few hundred does.
// Inline SVG scaling with its viewBox; colours from the page's CSS and the strategy catalog, as report.html's.
import { STRATEGY_CATALOG, type StrategyName } from '../model/strategies.js';
import { esc } from './page.js';
import { largest, smallest } from '../util/extremes.js';

export interface PlotRow {
  label: string;
  strategy: StrategyName;
  ratios: readonly number[];
}

const WIDTH = 460;
const LEFT = 170;
const RIGHT = WIDTH - 12;
const ROW = 20;
const AXIS = 30;
const LEGEND_LINE = 16;
// The legend's text is 10 px: about 6 px a character, a little over so that no title runs into the next dot.
const CHAR_WIDTH = 6.2;
const BINS = 300;

const TICKS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

export function ratioPlot(rows: readonly PlotRow[], caption: string): string {
  const all = rows.flatMap((r) => r.ratios).filter((v) => v > 0 && Number.isFinite(v));
  if (all.length === 0) return '';
  const lo = Math.log(smallest(all, 0.5) * 0.9);
  const hi = Math.log(largest(all, 2) * 1.1);
  const x = (v: number) => LEFT + ((Math.log(v) - lo) / (hi - lo)) * (RIGHT - LEFT);
  const strategies = [...new Set(rows.map((r) => r.strategy))];
  const { legend, legendHeight: top } = legendOf(strategies);
  const height = top + rows.length * ROW + AXIS;
  const ticks = TICKS.filter((t) => Math.log(t) >= lo && Math.log(t) <= hi)
    .map((t) => `<line class="${t === 1 ? 'axis' : 'grid'}" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${height - AXIS + 4}"/><text class="small muted" x="${x(t).toFixed(1)}" y="${height - AXIS + 16}" text-anchor="middle">${t}x</text>`)
    .join('');
  const body = rows
    .map((row, i) => {
      const y = top + i * ROW + ROW / 2;
      const bins = new Map<number, number>();
      for (const v of row.ratios.filter((r) => r > 0 && Number.isFinite(r))) {
        const bin = Math.round(((Math.log(v) - lo) / (hi - lo)) * BINS);
        bins.set(bin, (bins.get(bin) ?? 0) + 1);
      }
      const colour = STRATEGY_CATALOG[row.strategy].colour;
      const dots = [...bins.entries()]
        .map(([bin, n]) => `<circle cx="${(LEFT + (bin / BINS) * (RIGHT - LEFT)).toFixed(1)}" cy="${y}" r="${Math.min(8, 2.5 * Math.sqrt(n)).toFixed(1)}" fill="${colour}" fill-opacity="0.55"><title>${n} machine${n > 1 ? 's' : ''}</title></circle>`)
        .join('');
      // A label the row above already shows is not repeated: rows of one platform sit together.
      const name = i > 0 && rows[i - 1].label === row.label ? '' : `<text class="small" x="${LEFT - 6}" y="${y + 4}" text-anchor="end">${esc(row.label)}</text>`;
      return `<g data-row="${esc(row.label)}" data-strategy="${row.strategy}" data-machines="${row.ratios.length}">${name}${dots}</g>`;
    })
    .join('\n');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${esc(caption)}">${legend}${ticks}\n${body}\n<text class="small muted" x="${RIGHT}" y="${height - 2}" text-anchor="end">ratio to native (log scale)</text></svg>`;
  return `<figure>\n${svg}\n<figcaption>${esc(caption)}</figcaption>\n</figure>`;
}

/** A dot and a title per strategy, side by side, wrapped onto a new line when the next would pass the plot's width. */
function legendOf(strategies: readonly StrategyName[]): { legend: string; legendHeight: number } {
  let x = 0;
  let line = 0;
  const entries = strategies.map((s) => {
    const title = STRATEGY_CATALOG[s].title;
    const width = 12 + title.length * CHAR_WIDTH + 14;
    if (x > 0 && x + width > WIDTH) [x, line] = [0, line + 1];
    const y = line * LEGEND_LINE;
    const entry = `<circle cx="${(x + 5).toFixed(1)}" cy="${y + 9}" r="4" fill="${STRATEGY_CATALOG[s].colour}"/><text class="small" x="${(x + 12).toFixed(1)}" y="${y + 13}">${esc(title)}</text>`;
    x += width;
    return entry;
  });
  return { legend: entries.join(''), legendHeight: (line + 1) * LEGEND_LINE + 6 };
}
