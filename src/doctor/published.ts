// The seed articles' figures a finding quotes, computed from data/published-results.csv rather than typed in.
import { STRATEGY_ROLES } from '../model/strategies.js';
import type { PublishedRow } from '../results/published.js';
import { HEADLINE_WORKLOAD } from '../workloads/catalog.js';
import { ratioText } from '../report/format.js';

export interface PublishedRatio {
  source: string;
  platform: string;
  strategy: string;
  mean: number;
  nativeMean: number;
  ratio: number;
}

/** A strategy's published mean over the same platform's native mean (npm install of create-react-app). */
export function publishedRatio(rows: readonly PublishedRow[], source: string, platform: RegExp, strategy: string): PublishedRatio | null {
  const row = (s: string) => rows.find((r) => r.source === source && platform.test(r.platform) && r.strategy === s && r.workload === HEADLINE_WORKLOAD);
  const [measured, native] = [row(strategy), row(STRATEGY_ROLES.reference)];
  if (!measured || !native) return null;
  return { source, platform: measured.platform, strategy, mean: measured.mean, nativeMean: native.mean, ratio: measured.mean / native.mean };
}

/** "bind 5.15x native (21.05 s vs 4.09 s; mainardi-2022, Docker Desktop (virtiofs))". */
export function publishedText(r: PublishedRatio): string {
  return `${r.strategy} ${ratioText(r.ratio)} native (${r.mean.toFixed(2)} s vs ${r.nativeMean.toFixed(2)} s; ${r.source}, ${r.platform}, data/published-results.csv)`;
}
