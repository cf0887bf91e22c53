// chart.svg: grouped bars (one group per platform, one bar per strategy) of the median, min–max whiskers and value
// labels, with title, axis, legend and units, readable without the table. Hand-written and deterministic: the same
// run document always gives the same bytes.
import type { RunDocument, StrategyName } from '../results/schema.js';
import { cellsByPlatform, platformTitle, STRATEGY_ORDER, STRATEGY_TITLES } from './format.js';

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const COLOURS: Record<StrategyName, string> = {
  native: '#009E73',
  container: '#56B4E9',
  hybrid: '#E69F00',
  bind: '#D55E00',
  volume: '#0072B2',
  sync: '#CC79A7',
};

const BAR = 34;
const BAR_GAP = 6;
const GROUP_GAP = 44;
const LEFT = 72;
const RIGHT = 24;
const TOP = 100;
const PLOT_HEIGHT = 320;
const BOTTOM = 96;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function n(value: number): string {
  return Number(value.toFixed(2)).toString();
}

/** A round axis maximum and step: 1, 2, 2.5 or 5 times a power of ten, about five ticks. */
export function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.2 };
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return { top: Math.ceil(max / step) * step, step };
}

function valueLabel(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function renderSvg(doc: RunDocument): string {
  const groups = cellsByPlatform(doc);
  const strategies = STRATEGY_ORDER.filter((s) => doc.cells.some((c) => c.strategy === s));
  const unit = doc.cells[0]?.metric.unit ?? 's';
  const groupWidth = strategies.length * BAR + (strategies.length - 1) * BAR_GAP;
  const contentWidth = groups.length * groupWidth + (groups.length + 1) * GROUP_GAP;
  const width = Math.max(LEFT + RIGHT + contentWidth, 640);
  // Centre the groups when the chart is wider than they need (one platform).
  const groupsLeft = LEFT + (width - LEFT - RIGHT - contentWidth) / 2;
  const legendTop = TOP + PLOT_HEIGHT + 56;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const highest = Math.max(0, ...doc.cells.map((c) => c.summary?.max ?? 0));
  const { top, step } = niceScale(highest * 1.08);
  const y = (v: number) => TOP + PLOT_HEIGHT - (v / top) * PLOT_HEIGHT;
  const plotLeft = LEFT;
  const plotRight = width - RIGHT;
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" role="img">`,
    `<title>${escapeXml(`mountbench: ${doc.settings.workloads.join(', ')} — median ${unit} per strategy and platform`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="30" font-size="18" font-weight="600" fill="#111">${escapeXml(
      `${doc.settings.workloads.join(', ')} (${doc.settings.fixture} fixture): time per mount strategy`,
    )}</text>`,
    `<text x="${LEFT}" y="52" font-size="12" fill="#555">${escapeXml(
      `Bars: median of ${doc.settings.runs} samples; whiskers: min–max; lower is better.`,
    )}</text>`,
    `<text x="${LEFT}" y="70" font-size="12" fill="#555">${escapeXml(
      `Host: ${doc.host.os}, ${doc.host.cpuModel}, ${doc.host.cpus} CPUs · ${doc.startedAt.slice(0, 10)} · mountbench ${doc.tool.version}`,
    )}</text>`,
  );

  // Axis and grid.
  for (let v = 0; v <= top + step / 1000; v += step) {
    const yy = n(y(v));
    out.push(
      `<line x1="${plotLeft}" x2="${plotRight}" y1="${yy}" y2="${yy}" stroke="${v === 0 ? '#333' : '#e3e3e3'}" stroke-width="1"/>`,
      `<text x="${plotLeft - 8}" y="${yy}" font-size="11" fill="#444" text-anchor="end" dominant-baseline="middle">${n(v)}</text>`,
    );
  }
  const axisMid = n(TOP + PLOT_HEIGHT / 2);
  out.push(
    `<text x="18" y="${axisMid}" font-size="12" fill="#333" text-anchor="middle" transform="rotate(-90 18 ${axisMid})">${escapeXml(`time (${unit})`)}</text>`,
  );

  groups.forEach(({ platform, cells }, g) => {
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
      out.push(
        `<rect x="${n(x)}" y="${n(barTop)}" width="${BAR}" height="${n(y(0) - barTop)}" fill="${COLOURS[strategy]}"><title>${escapeXml(
          `${platformTitle(doc, platform)} / ${STRATEGY_TITLES[strategy]}: median ${valueLabel(s.median)} ${unit}, mean ${valueLabel(s.mean)}, range ${valueLabel(s.min)}–${valueLabel(s.max)}, n=${s.n}`,
        )}</title></rect>`,
        `<line x1="${centre}" x2="${centre}" y1="${n(y(s.min))}" y2="${n(y(s.max))}" stroke="#222" stroke-width="1.2"/>`,
        `<line x1="${n(x + BAR / 2 - 6)}" x2="${n(x + BAR / 2 + 6)}" y1="${n(y(s.max))}" y2="${n(y(s.max))}" stroke="#222" stroke-width="1.2"/>`,
        `<line x1="${n(x + BAR / 2 - 6)}" x2="${n(x + BAR / 2 + 6)}" y1="${n(y(s.min))}" y2="${n(y(s.min))}" stroke="#222" stroke-width="1.2"/>`,
        `<text x="${centre}" y="${n(y(s.max) - 6)}" font-size="11" fill="#111" text-anchor="middle">${valueLabel(s.median)}</text>`,
      );
    });
    const title = platformTitle(doc, platform);
    const [first, ...rest] = title.split(' (');
    const labelX = n(groupLeft + groupWidth / 2);
    out.push(`<text x="${labelX}" y="${n(y(0) + 20)}" font-size="12" font-weight="600" fill="#222" text-anchor="middle">${escapeXml(first)}</text>`);
    if (rest.length) {
      out.push(`<text x="${labelX}" y="${n(y(0) + 35)}" font-size="11" fill="#555" text-anchor="middle">${escapeXml(`(${rest.join(' (')}`)}</text>`);
    }
  });

  // Legend.
  let legendX = LEFT;
  for (const strategy of strategies) {
    const label = STRATEGY_TITLES[strategy];
    out.push(
      `<rect x="${legendX}" y="${legendTop}" width="12" height="12" fill="${COLOURS[strategy]}"/>`,
      `<text x="${legendX + 18}" y="${legendTop + 10}" font-size="12" fill="#222">${escapeXml(label)}</text>`,
    );
    legendX += 18 + label.length * 7 + 24;
  }
  out.push('</svg>', '');
  return out.join('\n');
}
