// "Which mode am I really in?" (docker/for-mac#1592 and its kin): what a platform is really running — the VM its
// engine answers from and the file sharing a container really sees — against what its settings say, and a finding
// where they disagree. They disagree when a setting was changed but the platform not restarted, or when the setting
// cannot change a VM that already exists (Colima's and Podman's VM type and mount type are fixed at creation).
import type { Finding, PlatformFacts, Rule } from './finding.js';
import { saysNothingOfTheShare } from '../platforms/mountinfo.js';
import { outsideShares } from './settings-rules.js';

export interface ModeFact {
  /** What is really running, and what said so; null when nothing did. */
  running: { value: string; from: string } | null;
  /** What the settings say, and which keys said it; null without settings or when they are silent. */
  configured: { value: string; from: string } | null;
  /** False only when both are known and name different things. */
  agree: boolean;
}

export interface Mode {
  vm: ModeFact;
  fileSharing: ModeFact;
}

// The same VM under each product's name for it.
const SAME_VM: Record<string, string> = { vz: 'apple-virtualization', applehv: 'apple-virtualization', wsl: 'wsl2', hyperv: 'hyper-v', libkrun: 'krunkit' };
const sameVm = (type: string) => SAME_VM[type] ?? type;

function fact(running: ModeFact['running'], configured: ModeFact['configured'], same: (a: string, b: string) => boolean): ModeFact {
  return { running, configured, agree: !running || !configured || same(running.value, configured.value) };
}

export function modeOf(p: Pick<PlatformFacts, 'identity' | 'settings' | 'vm'>): Mode {
  const s = p.settings;
  const vmFromSettings = !!p.vm && !!s && p.vm.from === s.source;
  const vmRunning = p.vm?.type && !vmFromSettings ? { value: p.vm.type, from: p.vm.from } : null;
  const vmConfigured = s?.vmType ? { value: s.vmType, from: `${s.from.vmType ?? 'its default'} in ${s.source}` } : null;
  const seen = p.identity.fileSharing;
  const sharingRunning = seen && !saysNothingOfTheShare(seen.mechanism) ? { value: seen.mechanism, from: `seen in a container's bind mount (${seen.fstype ?? 'its mount line'})` } : null;
  const sharingConfigured = s?.fileSharing ? { value: s.fileSharing, from: `${s.from.fileSharing ?? 'its default'} in ${s.source}` } : null;
  return {
    vm: fact(vmRunning, vmConfigured, (a, b) => sameVm(a) === sameVm(b)),
    // Under WSL 2 a project inside the distribution is on the VM's own disk by design: the fast path, not a fault.
    fileSharing: fact(sharingRunning, sharingConfigured, (a, b) => a === b || (a === 'none' && s?.vmType === 'wsl2')),
  };
}

/** Where the setting takes effect, kind by kind: a restart, or a VM made anew. */
function applyFix(p: PlatformFacts): Finding['fix'] {
  const where = p.settings?.source ?? 'its settings';
  switch (p.identity.kind) {
    case 'docker-desktop':
      return { where: 'Docker Desktop', how: 'settings take effect when Docker Desktop restarts: whale menu → Restart (or quit and open it again), then run mountbench doctor again' };
    case 'colima':
      return { where, how: 'vmType and mountType are fixed when the VM is created: colima delete (removes its containers, images and volumes), then colima start with the settings wanted' };
    case 'lima':
      return { where, how: `limactl stop ${p.settings?.instance ?? '<instance>'} && limactl start ${p.settings?.instance ?? '<instance>'} (a VM created with another vmType keeps it: limactl delete, then create it again)` };
    case 'rancher-desktop':
      return { where: 'Rancher Desktop → Preferences → Virtual Machine', how: 'Apply restarts the VM with the settings shown; a factory reset if it keeps the old ones' };
    case 'podman':
      return { where, how: 'a machine keeps the provider it was made with: podman machine rm, then podman machine init with CONTAINERS_MACHINE_PROVIDER set' };
    default:
      return { where, how: 'restart the platform so that its settings apply' };
  }
}

const described = (what: string, f: ModeFact) => `${what}: running ${f.running!.value} — ${f.running!.from}; configured ${f.configured!.value} — ${f.configured!.from}`;

/** A finding for each of VM and file sharing where what runs is not what the settings say. */
export const modeDisagreement: Rule = (p) => {
  const mode = modeOf(p);
  const findings: Finding[] = [];
  if (!mode.vm.agree) {
    findings.push({
      platform: p.name,
      severity: 'info',
      text: `the VM is ${mode.vm.running!.value}, not the ${mode.vm.configured!.value} its settings say: what you measure is the running one`,
      evidence: described('VM', mode.vm),
      source: p.settings!.source,
      fix: applyFix(p),
    });
  }
  // A project outside the shares the settings list is projectShared's finding already.
  if (!mode.fileSharing.agree && !(mode.fileSharing.running!.value === 'none' && outsideShares(p))) {
    findings.push({
      platform: p.name,
      // 'none' seen means no share at all: the directory a container sees is the VM's own, not this machine's.
      severity: mode.fileSharing.running!.value === 'none' ? 'broken' : 'slow',
      text:
        mode.fileSharing.running!.value === 'none'
          ? `a container sees this project's directory on the VM's own disk, not through ${mode.fileSharing.configured!.value}: it is not shared with the VM, so bind mounts show an empty directory`
          : `bind mounts go through ${mode.fileSharing.running!.value}, not the ${mode.fileSharing.configured!.value} the settings say: what you measure is ${mode.fileSharing.running!.value}`,
      evidence: described('file sharing', mode.fileSharing),
      source: `${p.settings!.source}; a probe container's /proc/self/mountinfo`,
      fix: applyFix(p),
    });
  }
  return findings;
};
