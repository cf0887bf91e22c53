// Every rule doctor applies, in the order their findings are listed within a severity: what the platform's settings
// say, what a container sees, what this machine measured.
import type { PublishedRow } from '../results/published.js';
import { SEVERITY_ORDER, type Finding, type PlatformFacts, type Rule } from './finding.js';
import { modeDisagreement } from './mode.js';
import { HISTORY_RULES } from './history-rules.js';
import { PROBE_RULES } from './probe-rules.js';
import { SETTINGS_RULES } from './settings-rules.js';

export const RULES: readonly Rule[] = [...SETTINGS_RULES, modeDisagreement, ...PROBE_RULES, ...HISTORY_RULES];

/** The platform's findings, the worst first. */
export function diagnose(platform: PlatformFacts, published: readonly PublishedRow[]): Finding[] {
  const findings = RULES.flatMap((rule) => rule(platform, published));
  return SEVERITY_ORDER.flatMap((severity) => findings.filter((f) => f.severity === severity));
}
