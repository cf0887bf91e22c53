// A run document made fit to publish: the figures, the machine's fingerprint and the method, taken field by field;
// then every string of the result swept by the redactor, whatever field it sits in (notes, error tails, labels,
// endpoints); then its id, the hash of what is left. Nothing the run did not record is filled in: "unknown".
import { UsageError } from '../errors.js';
import type { Cell, PlatformRecord, RunDocument } from '../model/run-document.js';
import { localIdentity, Redactor, type MachineIdentity } from './redact.js';
import { withId } from './result-id.js';
import { UNKNOWN, type SharedCell, type SharedPlatform, type SharedResult, type SharedWorkload } from './schema.js';
import { runVerdictOf, verdictOf } from './verdict.js';

export interface ShareOptions {
  /** A --project run is shared only when asked: its figures describe the user's own code. */
  includeProject: boolean;
  /** This machine's names; a test plants its own. */
  identity?: MachineIdentity;
}

export interface Shared {
  result: SharedResult;
  redactor: Redactor;
}

const PROJECT_FIXTURE = /^project (.+)$/;
const OUTPUT_FLAGS = new Set(['--output', '-o']);
const PROJECT_FLAGS = new Set(['--project']);
/** The sizes each generated workload reads; any other workload keeps them all. */
const PARAMETERS: Record<string, string[]> = { files: ['files', 'fileBytes'], traverse: ['files', 'fileBytes'], git: ['files', 'fileBytes'], bigfile: ['bigfileMb'], watch: ['events'] };
const FIXTURE_WORKLOADS = new Set(['npm-install', 'build']);
/** Workloads with a cold step, which drops the page caches first (traverse cold, bigfile read). */
const COLD_WORKLOADS = new Set(['traverse', 'bigfile']);

export const isProjectRun = (doc: RunDocument) => doc.settings.workloads.includes('project') || PROJECT_FIXTURE.test(doc.settings.fixture);

/** The values that follow one of the flags on a command line (`--output DIR`, `--output=DIR`). */
function flagValues(command: readonly string[], flags: Set<string>): string[] {
  return command.flatMap((arg, i) => {
    if (flags.has(arg) && i + 1 < command.length) return [command[i + 1]];
    const [flag, ...value] = arg.split('=');
    return flags.has(flag) && value.length ? [value.join('=')] : [];
  });
}

/** What the run itself names that is the user's: where it wrote and the project it measured. */
function runIdentity(doc: RunDocument, machine: MachineIdentity): MachineIdentity {
  const project = PROJECT_FIXTURE.exec(doc.settings.fixture)?.[1];
  const outputs = flagValues(doc.command, OUTPUT_FLAGS);
  return {
    ...machine,
    outputDirs: [...machine.outputDirs, ...outputs, ...outputs.map((o) => o.replace(/\/+$/, ''))],
    projects: [...machine.projects, ...flagValues(doc.command, PROJECT_FLAGS), ...(project ? [project] : [])],
  };
}

const PATH_WORD = /^(?:\/|~|\.{1,2}\/|[A-Za-z]:[\\/])/;

/** The command line with every word that is a path replaced (an image reference such as mountbench/node stays). */
function commandLine(command: readonly string[], redactor: Redactor): string[] {
  return command.map((arg, i) => {
    if (i > 0 && PROJECT_FLAGS.has(command[i - 1])) return '<project>';
    if (i > 0 && OUTPUT_FLAGS.has(command[i - 1])) return '<output>';
    return arg.replace(/(^|[\s=])([^\s=]+)/g, (match, lead: string, word: string) => {
      if (!PATH_WORD.test(word)) return match;
      redactor.count('path in a command line', 'run.command');
      return `${lead}<path>`;
    });
  });
}

function platformOf(p: PlatformRecord, redactor: Redactor): SharedPlatform {
  const id = p.identity;
  if (id?.fileSharing?.mountinfo) redactor.count('mount line', `platforms.${p.name}.fileSharing`);
  const local = id?.kind === 'docker-linux' || id?.kind === 'rootless-docker';
  return {
    key: p.name,
    kind: id?.kind ?? UNKNOWN,
    label: id?.label ?? p.name,
    product: id?.engine.product || UNKNOWN,
    engineVersion: id?.engine.version ?? UNKNOWN,
    apiVersion: id?.engine.apiVersion ?? null,
    // The run document names no VM; Docker on Linux has none (the engine shares the host's kernel).
    vm: local ? 'none' : UNKNOWN,
    hypervisor: local ? 'none' : UNKNOWN,
    os: id?.engine.os ?? UNKNOWN,
    kernel: id?.engine.kernel ?? UNKNOWN,
    arch: id?.engine.arch ?? UNKNOWN,
    cpus: id?.engine.cpus ?? null,
    memoryBytes: id?.engine.memoryBytes ?? null,
    storageDriver: id?.engine.storageDriver ?? null,
    fileSharing: { mechanism: id?.fileSharing?.mechanism ?? UNKNOWN, fstype: id?.fileSharing?.fstype ?? null },
    endpoint: id?.endpoint ?? UNKNOWN,
    image: p.image?.ref ?? null,
    error: p.error,
  };
}

function cellOf(cell: Cell, redactor: Redactor): SharedCell {
  for (const m of cell.mounts) if (m.mountinfo) redactor.count('mount line', `cells.${cell.id}.mounts`);
  const s = cell.summary;
  const r = cell.ratioToNative;
  const runVerdict = runVerdictOf(cell);
  return {
    platform: cell.platform,
    workload: cell.workload,
    measure: cell.measure,
    strategy: cell.strategy,
    metric: cell.metric,
    status: cell.status,
    reason: cell.reason,
    method: cell.method,
    notes: cell.notes,
    samples: cell.samples.map(({ index, warmup, value, wallSeconds, exitCode, outputTail, otherLoad, vmOtherLoad }) => ({
      index, warmup, value, wallSeconds, exitCode,
      ...(outputTail === undefined ? {} : { outputTail }),
      // Absent, not null, where the run did not measure it: a result of an older run keeps its id.
      ...(otherLoad === undefined ? {} : { otherLoad }),
      ...(vmOtherLoad === undefined ? {} : { vmOtherLoad }),
    })),
    summary: s && { n: s.n, mean: s.mean, median: s.median, stddev: s.stddev, cv: s.cv, min: s.min, max: s.max, interval: s.interval, intervalNote: s.intervalNote, outliers: s.outliers },
    ratioToNative: r && { value: r.value, interval: r.interval, intervalNote: r.intervalNote },
    verdict: verdictOf(cell),
    ...(runVerdict ? { runVerdict } : {}),
  };
}

function workloadOf(doc: RunDocument, name: string): SharedWorkload {
  const sizes = doc.settings.sizes;
  const keys = PARAMETERS[name] ?? (FIXTURE_WORKLOADS.has(name) || name === 'project' ? [] : Object.keys(sizes));
  const notCold = doc.cells.some((c) => c.workload === name && c.notes.some((n) => /not fully cold/.test(n)));
  return {
    name,
    fixture: name === 'project' ? '<project>' : FIXTURE_WORKLOADS.has(name) ? doc.settings.fixture : null,
    parameters: Object.fromEntries(keys.filter((k) => k in sizes).map((k) => [k, sizes[k]])),
    // Run documents of this version record neither hash: said so, not computed from today's files.
    fixtureHash: UNKNOWN,
    lockfileHash: UNKNOWN,
    caches: !COLD_WORKLOADS.has(name) ? 'not dropped' : notCold ? 'dropped before the cold step, not fully on some platforms (see the notes)' : 'dropped before the cold step',
  };
}

export function shareRun(doc: RunDocument, options: ShareOptions): Shared {
  if (isProjectRun(doc) && !options.includeProject) {
    throw new UsageError(
      `run ${doc.id} measured your own project (--project): its figures describe your code, so it is shared only with --include-project (its name and paths are replaced by <project> even then)`,
    );
  }
  const redactor = new Redactor(runIdentity(doc, options.identity ?? localIdentity()));
  const s = doc.settings;
  const content: Omit<SharedResult, 'id'> = {
    schemaVersion: 1,
    tool: { name: 'mountbench', version: doc.tool.version },
    run: { id: doc.id, startedAt: doc.startedAt, finishedAt: doc.finishedAt, status: doc.status, statusReason: doc.statusReason, wallSeconds: doc.timing.wallSeconds, command: commandLine(doc.command, redactor) },
    machine: { ...doc.host },
    platforms: doc.platforms.map((p) => platformOf(p, redactor)),
    workloads: s.workloads.map((w) => workloadOf(doc, w)),
    method: { runs: s.runs, auto: s.auto, warmup: s.warmup, order: s.order, online: s.online, strategies: s.strategies, image: s.image, stopping: doc.stopping },
    cells: doc.cells.map((c) => cellOf(c, redactor)),
    notes: doc.notes,
  };
  // The last word: every string, known field or not.
  return { result: withId(redactor.value(content)), redactor };
}
