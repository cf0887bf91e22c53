// Findings from the probe: how a bind mount of the project really reaches a container, read from the container's
// own /proc/self/mountinfo.
import { STRATEGY_ROLES } from '../model/strategies.js';
import type { Rule } from './finding.js';
import { publishedRatio, publishedText } from './published.js';

const probeSource = (project: string) => `/proc/self/mountinfo of a container with ${project} bind-mounted (mountbench doctor's probe)`;

/** Bind mounts through FUSE (sshfs, bindfs and the like): the sharing lab's case, and Lima's reverse-sshfs. */
export const fuseBindMounts: Rule = (p) => {
  const sharing = p.identity.fileSharing;
  if (!sharing || (sharing.mechanism !== 'sshfs' && sharing.mechanism !== 'fuse')) return [];
  return [
    {
      platform: p.name,
      severity: 'slow',
      text: `bind mounts go through FUSE (${sharing.fstype}): every file operation is a round trip to a file server in user space, so metadata-heavy work (npm install, git status) is slow, and file events from the host do not reach containers`,
      evidence: sharing.mountinfo ?? `fstype ${sharing.fstype}`,
      source: probeSource(p.project),
      fix: {
        where: 'the compose file (or docker run) of the project',
        how: 'keep dependency directories in a named volume over the bind mount (mountbench\'s hybrid strategy), e.g. volumes: ["node_modules:/app/node_modules"]',
      },
    },
  ];
};

/** A local file system under the bind mount: nothing is shared through a VM, so there is no cost to find. */
export const localBindMounts: Rule = (p, published) => {
  const sharing = p.identity.fileSharing;
  if (sharing?.mechanism !== 'none') return [];
  const linux = publishedRatio(published, 'mainardi-2025', /^Docker \d/, STRATEGY_ROLES.sharedMount);
  return [
    {
      platform: p.name,
      severity: 'info',
      text: `bind mounts here are as fast as volumes: the project's files are on a local file system (${sharing.fstype}), with no file sharing between a VM and the host${linux ? `; Docker on Linux ran npm install in a bind mount at ${linux.ratio.toFixed(2)}x native (Mainardi 2025)` : ''}`,
      evidence: sharing.mountinfo ?? `fstype ${sharing.fstype}`,
      source: linux ? `${probeSource(p.project)}; ${publishedText(linux)}` : probeSource(p.project),
    },
  ];
};

export const PROBE_RULES: readonly Rule[] = [fuseBindMounts, localBindMounts];
