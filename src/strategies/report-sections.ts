// The report sections the strategies contribute, each placed after a section of report/'s own list: whoever renders
// a report passes these (report/ never imports a strategy).
import type { ContributedSection } from '../report/section.js';
import { syncReportSection } from './sync/report-section.js';

export const STRATEGY_SECTIONS: readonly ContributedSection[] = [syncReportSection];
