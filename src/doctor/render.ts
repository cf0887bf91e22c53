// doctor's report for a terminal (or a pipe: picocolors drops colour there and under NO_COLOR): per platform, what it
// is, how it shares files, then its findings, the worst first.
import pc from 'picocolors';
import type { PlatformReport } from './platform-report.js';
import { kindById } from '../platforms/kinds/catalog.js';
import type { PlatformSettings } from '../platforms/settings/settings.js';
import { mibText } from '../report/format.js';
import type { Finding, Severity } from './finding.js';

const SEVERITY_STYLE: Record<Severity, (text: string) => string> = { broken: pc.red, slow: pc.yellow, info: pc.cyan };

const row = (label: string, text: string) => `  ${label.padEnd(13)} ${text}\n`;
const more = (text: string) => `  ${' '.repeat(13)} ${text}\n`;

const DISAGREE = pc.yellow(' ≠ what runs (see findings)');

function vmText(r: PlatformReport, s: PlatformSettings | null): string {
  const vm = r.identification?.vm;
  const running = vm?.type ? `${vm.type}${vm.hypervisor ? ` (${vm.hypervisor})` : ''} ${pc.dim(`(${vm.from})`)}` : null;
  const configured = s?.vmType ? `${s.vmType} ${pc.dim(`(${s.from.vmType})`)}${r.mode?.vm.agree === false ? DISAGREE : ''}` : null;
  if (running && configured && r.mode?.vm.running) return `${running}\n${more(`as configured: ${configured}`).trimEnd()}`;
  if (configured) return configured;
  if (running) return running;
  if (r.onThisKernel) return "none: the engine runs on this machine's kernel";
  return vm ? `a VM's kernel ${pc.dim(`(${vm.from})`)}` : pc.dim('not known (no settings read)');
}

function configuredText(r: PlatformReport, s: PlatformSettings | null): string {
  if (s?.problem) return pc.yellow(`unreadable settings: ${s.problem}`);
  if (s?.fileSharing) return `${s.fileSharing} ${pc.dim(`(${s.from.fileSharing})`)}${r.mode?.fileSharing.agree === false ? DISAGREE : ''}`;
  if (s) return pc.dim('not said');
  const kind = kindById(r.identity!.kind);
  if (kind?.settings) return pc.dim('no settings found on this host');
  return pc.dim(r.onThisKernel ? 'nothing to configure (no VM)' : `not read: mountbench has no reader for ${kind?.label ?? 'this engine'}'s settings`);
}

function settingsLines(s: PlatformSettings): string {
  const facts = [
    s.shared && `shared: ${s.shared.length ? s.shared.map((d) => `${d.path}${d.writable ? '' : ' (read-only)'}`).join(', ') : 'nothing'}`,
    s.synchronized?.length && `synchronized: ${s.synchronized.join(', ')}`,
    s.inotify !== null && `inotify forwarding: ${s.inotify ? 'on' : 'off'}`,
    s.cpus !== null && `${s.cpus} CPUs`,
    s.memoryMiB !== null && mibText(s.memoryMiB * 1024 ** 2),
  ].filter(Boolean);
  return row('settings', s.source) + (facts.length ? more(facts.join(' · ')) : '') + more(pc.dim(`change: ${s.change}`));
}

function findingLines(f: Finding): string {
  const label = SEVERITY_STYLE[f.severity](f.severity.padEnd(7));
  const detail = (name: string, text: string) => `      ${' '.repeat(7)} ${pc.dim(`${name}:`)} ${text}\n`;
  return `    ${label} ${f.text}\n${detail('evidence', f.evidence)}${detail('source', f.source)}${f.fix ? detail('fix', `${f.fix.where}: ${f.fix.how}`) : ''}`;
}

function platformText(r: PlatformReport): string {
  const name = `${pc.bold(r.name)}${r.aliases.length ? pc.dim(` (= ${r.aliases.join(', ')})`) : ''}`;
  if (!r.identity) return `${name}  ${pc.dim(`unreachable: ${r.reason}`)}\n${row('', pc.dim(r.note ?? ''))}`;
  const { identity: id, settings: s } = r;
  const e = id.engine;
  const sharing = id.fileSharing ? `${id.fileSharing.mechanism}${id.fileSharing.fstype ? pc.dim(` (${id.fileSharing.fstype})`) : ''}` : pc.dim(r.note ?? 'unknown');
  return [
    `${name}  ${id.kind} · ${id.label}${r.current ? pc.green(' · current') : ''}\n`,
    row('endpoint', `${r.endpoint} ${pc.dim(`(${r.source})`)}`),
    row('engine', `${e.product} ${e.version} · ${e.os} · kernel ${e.kernel} · ${e.arch} · ${e.cpus} CPUs · ${mibText(e.memoryBytes)}`),
    row('VM', vmText(r, s)),
    row('file sharing', `in a container: ${sharing}`),
    more(`as configured: ${configuredText(r, s)}`),
    s ? settingsLines(s) : '',
    `  findings${r.findings.length ? '' : pc.dim(': none')}\n`,
    ...r.findings.map(findingLines),
  ].join('');
}

export function renderDoctor(reports: readonly PlatformReport[], project: string): string {
  const header = pc.dim(`project: ${project}\n\n`);
  if (reports.length === 0) return `${header}no Docker endpoint found (see: mountbench platforms)\n`;
  return header + reports.map(platformText).join('\n');
}
