// One platform as `doctor` reports it: as listed, whether a VM stands between its containers and the files, what its
// settings say, and the findings.
import type { Listed } from '../platforms/list.js';
import type { PlatformSettings } from '../platforms/settings/settings.js';
import type { Finding } from './finding.js';
import type { Mode } from './mode.js';

export interface PlatformReport extends Listed {
  /** The engine runs on this machine's kernel: no VM between its containers and the files. */
  onThisKernel: boolean;
  settings: PlatformSettings | null;
  /** What really runs against what the settings say (null when unreachable). */
  mode: Mode | null;
  findings: Finding[];
}
