// Apple's container: `container system status --format json` says whether its API server runs and its version; the
// rest is fixed by its design (README of apple/container: one VM per container, Virtualization.framework; bind
// mounts through virtiofs). Run only when the `container` CLI is there.
import { spawnSync } from 'node:child_process';
import { containerStatusJson } from '../evidence/apple-container.js';
import { emptySettings, type PlatformSettings } from './settings.js';

const CHANGE = 'container system property ls / container system property set (its VM image and resources); container system stop && container system start';

type Run = (args: string[]) => string | null;

const runContainer: Run = (args) => {
  const result = spawnSync('container', args, { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout : null;
};

export function readAppleContainerSettings(run: Run = runContainer): PlatformSettings | null {
  const output = run(['system', 'status', '--format', 'json']);
  if (output === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(output);
  } catch {
    return emptySettings('container system status --format json', CHANGE, 'not JSON');
  }
  const report = containerStatusJson(json)[0]?.vms?.[0];
  const settings = emptySettings('container system status --format json', CHANGE);
  settings.vmType = 'apple-virtualization';
  settings.from.vmType = `one VM per container${report?.version ? ` (container ${report.version})` : ''}`;
  settings.fileSharing = 'virtiofs';
  settings.from.fileSharing = 'how container shares a bind mount with each container\'s VM';
  return settings;
}
