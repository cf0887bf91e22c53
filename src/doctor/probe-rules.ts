// Findings from the probe: how a bind mount of the project really reaches a container, read from the container's
// own /proc/self/mountinfo.
import { STRATEGY_ROLES } from '../model/strategies.js';
import { notSharedText } from '../platforms/not-shared.js';
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

/** The project is outside every directory the VM shares: its bind mounts cannot even start. */
export const projectNotShared: Rule = (p) => {
  const n = p.notShared;
  if (!n) return [];
  const shares = n.shares?.map((s) => `${s.path} (${s.fstype})`).join(', ');
  return [
    {
      platform: p.name,
      severity: 'broken',
      text: notSharedText(p.name, n),
      evidence: `the probe's bind mount: ${n.refusal}; the VM's /proc/1/mountinfo ${shares ? `shares ${shares}` : n.shares ? 'has no share' : `could not be read (${n.sharesProblem})`}`,
      source: `mountbench doctor's probe containers (a bind mount of ${p.project}; /proc/1/mountinfo in the VM's PID namespace)${n.settingsShares ? `; ${n.settingsShares.source}` : ''}`,
      fix: {
        where: n.addShare ?? "the VM's shared directories",
        how: `move the project under ${n.shares?.length ? n.shares.map((s) => s.path).join(' or ') : 'a shared directory'}, or add ${p.project} to the shares`,
      },
    },
  ];
};

export const PROBE_RULES: readonly Rule[] = [projectNotShared, fuseBindMounts, localBindMounts];
