// What `mountbench doctor` knows about one platform, and what it finds: each finding says what it rests on (its
// evidence) and where that comes from (a file, a run, an article), and, where a setting can change it, how.
import type { PlatformSettings } from '../platforms/settings/settings.js';
import type { PublishedRow } from '../results/published.js';
import type { PlatformIdentity } from '../model/run-document.js';
import type { PastRun } from './past-runs.js';
import type { NotShared } from '../platforms/not-shared.js';

export type Severity = 'info' | 'slow' | 'broken';

export interface Finding {
  platform: string;
  severity: Severity;
  text: string;
  evidence: string;
  source: string;
  fix?: { where: string; how: string };
}

export interface PlatformFacts {
  /** The endpoint's name, as `mountbench platforms` lists it. */
  name: string;
  identity: PlatformIdentity;
  settings: PlatformSettings | null;
  /** The engine runs on this machine's own kernel: no VM stands between its containers and the host's files. */
  onThisKernel: boolean;
  /** The VM the engine runs in as its identification found it (a VM tool's report, the engine's answers). */
  vm?: { type: string | null; hypervisor: string | null; from: string } | null;
  /** The project directory (absolute) whose bind mounts are in question. */
  project: string;
  /** This machine's runs that measured the platform, newest first. */
  runs: PastRun[];
  /** The project is not shared with the platform's VM (its engine refused to bind-mount it); absent when it is. */
  notShared?: NotShared | null;
}

/** One rule: from what doctor knows of a platform (and the published figures), zero or more findings. */
export type Rule = (platform: PlatformFacts, published: readonly PublishedRow[]) => Finding[];

export const SEVERITY_ORDER: readonly Severity[] = ['broken', 'slow', 'info'];
