// `mountbench identify [FILE…|-]`: what a platform is, from what its user can paste (docker info, docker version,
// podman machine inspect, colima status, limactl list, docker context inspect, container system status, mount lines
// from a container), recognised by the same code `platforms` and `doctor` use on a live engine.
import { readFileSync } from 'node:fs';
import pc from 'picocolors';
import { CannotRunError, EXIT, UsageError } from '../errors.js';
import type { Evidence } from '../platforms/evidence/evidence.js';
import { readEvidence } from '../platforms/evidence/read.js';
import { identify, type Identification } from '../platforms/identify.js';
import { mibText } from '../report/format.js';

export const ACCEPTED =
  '`docker info` or `docker version` (as printed, --format json, or the API\'s JSON), `podman info`, `podman machine inspect`, ' +
  '`colima status` (or --json), `limactl list --json`, `docker context inspect`, `container system status`, and mount lines ' +
  'from inside a container (/proc/self/mountinfo, /proc/mounts, findmnt, mount, df -T)';

export interface IdentifyOptions {
  files: string[];
  json: boolean;
  /** Read when a file is "-" or none is given. */
  stdin: () => string;
}

function readInputs(options: IdentifyOptions): Array<{ origin: string; text: string }> {
  const files = options.files.length > 0 ? options.files : ['-'];
  return files.map((file) => {
    if (file === '-') return { origin: 'stdin', text: options.stdin() };
    try {
      return { origin: file, text: readFileSync(file, 'utf8') };
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (give files that exist, or - for standard input)`);
    }
  });
}

const row = (label: string, text: string) => `  ${label.padEnd(13)} ${text}\n`;
const more = (text: string) => `  ${' '.repeat(13)} ${text}\n`;

export function renderIdentification(id: Identification, evidence: Evidence): string {
  const e = id.engine;
  const sure = id.certainty ? `${id.certainty}` : 'not recognised';
  const engine = [`${e.product} ${e.version === 'unknown' ? '(version not shown)' : e.version}`, e.os !== 'unknown' && e.os, e.kernel !== 'unknown' && `kernel ${e.kernel}`, e.arch !== 'unknown' && e.arch, e.cpus > 0 && `${e.cpus} CPUs`, e.memoryBytes > 0 && mibText(e.memoryBytes)].filter(Boolean).join(' · ');
  const vm = id.vm ? `${id.vm.type ?? 'a VM (its type not said)'}${id.vm.hypervisor ? ` · ${id.vm.hypervisor}` : ''} ${pc.dim(`(${id.vm.from})`)}` : pc.dim('not said by this evidence');
  const sharing = id.fileSharing
    ? `${id.fileSharing.mechanism}${id.fileSharing.fstype ? ` (${id.fileSharing.fstype})` : ''} ${pc.dim(`${id.fileSharing.seen ? 'seen in a container' : 'as configured'}: ${id.fileSharing.from}`)}`
    : pc.dim('not said by this evidence (add the mount lines of a container with a bind mount)');
  return [
    `${pc.bold(id.label)}  ${id.kind} ${pc.dim(`· ${sure}`)}\n`,
    row('engine', e.version === 'unknown' && e.os === 'unknown' ? pc.dim('no engine answers in this evidence') : engine),
    row('VM', vm),
    row('file sharing', sharing),
    row('why', id.clues[0] ? `${id.clues[0].certainty}: ${id.clues[0].evidence}` : pc.dim('nothing')),
    ...id.clues.slice(1).map((c) => more(`${c.certainty}: ${c.evidence}`)),
    id.others.length ? row('also fits', pc.dim(id.others.map((o) => `${o.kind} (${o.certainty})`).join(', '))) : '',
    row('read', pc.dim(evidence.sources.map((s) => `${s.format}${s.origin ? ` in ${s.origin}` : ''}`).join('; '))),
  ].join('');
}

export function identifyCommand(options: IdentifyOptions): number {
  const evidence = readEvidence(readInputs(options));
  if (evidence.sources.length === 0) {
    throw new CannotRunError(`nothing recognisable in ${options.files.length ? options.files.join(', ') : 'standard input'}. mountbench identify reads ${ACCEPTED}.`);
  }
  const identification = identify(evidence);
  process.stdout.write(options.json ? `${JSON.stringify({ ...identification, evidence: evidence.sources }, null, 2)}\n` : renderIdentification(identification, evidence));
  const nothing = identification.kind === 'unknown' && !identification.fileSharing && !identification.vm;
  return nothing ? EXIT.cannotRun : EXIT.ok;
}
