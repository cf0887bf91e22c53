// The run document: one JSON file per `mountbench run`, the single source every report is rendered from.
// Later runs, machines and published results are merged by reading many of these, so every field that identifies
// where a number came from (host, platform, image, strategy, workload) lives in the document itself.
import { z } from 'zod';
import { REFERENCE_STRATEGY, STRATEGY_NAMES } from './strategies.js';

/** 2: distribution-free intervals with their coverage (1 had bootstrap intervals), cell methods, sampling rules.
 * Documents of version 1 are still read: their summaries are derived again from their samples (store.ts). */
export const SCHEMA_VERSION = 2;

export const StrategyName = z.enum(STRATEGY_NAMES);
export type StrategyName = z.infer<typeof StrategyName>;

export const FileSharing = z.object({
  mechanism: z.string().describe('virtiofs, grpcfuse, osxfs, 9p, sshfs, fuse, none (local file system), unknown'),
  fstype: z.string().nullable().describe('file system type of a bind mount as seen in /proc/self/mountinfo'),
  mountinfo: z.string().nullable().describe('the mountinfo line it was read from'),
});
export type FileSharing = z.infer<typeof FileSharing>;

export const PlatformIdentity = z.object({
  name: z.string().describe('context name or well-known socket name; what --platform takes'),
  endpoint: z.string(),
  source: z.string().describe('where the endpoint was found: --context, DOCKER_HOST, context, socket'),
  kind: z.string().describe('docker-desktop, orbstack, colima, lima, rancher-desktop, podman, rootless-docker, wsl2, linux-vm, docker-linux, unknown'),
  label: z.string().describe('human name, e.g. "Docker Desktop 4.37.1"'),
  engine: z.object({
    product: z.string(),
    version: z.string(),
    apiVersion: z.string().nullable(),
    os: z.string(),
    kernel: z.string(),
    arch: z.string(),
    cpus: z.number().int(),
    memoryBytes: z.number(),
    storageDriver: z.string().nullable(),
  }),
  fileSharing: FileSharing.nullable(),
});
export type PlatformIdentity = z.infer<typeof PlatformIdentity>;

/** What one timed step cost besides its time; each figure null where the platform does not allow it (see the
 * platform's `cost` for why). */
export const SampleCost = z.object({
  commandCpuSeconds: z.number().nullable().describe("the timed command's own processes (user + system), counted by the timer"),
  containerCpuSeconds: z.number().nullable().describe("the container's cgroup CPU (user + system) during the step"),
  containerUserSeconds: z.number().nullable(),
  containerSystemSeconds: z.number().nullable(),
  peakMemoryBytes: z.number().nullable().describe("the container's peak working set (usage less inactive file cache), polled every 100 ms"),
  readBytes: z.number().nullable().describe("bytes the container's cgroup read from block devices"),
  writeBytes: z.number().nullable().describe("bytes the container's cgroup wrote to block devices (cgroup v1 does not charge buffered writes to it)"),
  sharingCpuSeconds: z.number().nullable().describe('CPU of the host processes serving the bind mounts (FUSE daemon, sshd; a Mac: the VM)'),
  hostCpuSeconds: z.number().nullable().describe('busy CPU of the whole host, all cores'),
  energyJoules: z.number().nullable().describe('RAPL package energy'),
});
export type SampleCost = z.infer<typeof SampleCost>;

/** How each cost figure is measured on a platform, or why it is not. */
export const PlatformCostSources = z.object({ container: z.string(), sharing: z.string(), host: z.string(), energy: z.string() });
export type PlatformCostSources = z.infer<typeof PlatformCostSources>;

export const Sample = z.object({
  index: z.number().int().describe('0-based position within its cell, warm-ups first'),
  warmup: z.boolean(),
  startedAt: z.string(),
  value: z.number().nullable().describe('the measured figure in the cell metric unit; null when the sample failed'),
  wallSeconds: z.number().nullable(),
  exitCode: z.number().int().nullable(),
  cpuUserSeconds: z.number().nullable(),
  cpuSystemSeconds: z.number().nullable(),
  outputTail: z.string().optional().describe('last lines of output, kept when the sample failed'),
  cost: SampleCost.optional().describe('absent in runs before version 2 measured it'),
  settleSeconds: z
    .number()
    .optional()
    .describe('sync: the untimed wait after the step this cell reads until the host and the volume agreed again'),
  otherLoad: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .optional()
    .describe("share of the host's cores (0..1) other work kept busy during the timed step: the host's busy CPU less the sample's, the sharing layer's or VM's, the engine's and mountbench's; null where the sample's own part was not known or the step was too short to tell (under 0.25 s on 2 cores); absent in runs before it was measured"),
  vmOtherLoad: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .optional()
    .describe("share of the VM's CPUs (0..1) other work kept busy during the timed step, where the engine runs in a VM: the VM kernel's busy CPU (its /proc/stat, read from the container) less the container's cgroup; null where not known or too short to tell; absent on a host engine and in runs before it was measured"),
});
export type Sample = z.infer<typeof Sample>;

export const Metric = z.object({
  name: z.string(),
  unit: z.string(),
  lowerIsBetter: z.boolean(),
});
export type Metric = z.infer<typeof Metric>;

/** Metrics that are a speed, said "faster"/"slower"; others (a share of events missed) are "better"/"worse". */
export const isSpeedMetric = (name: string) => ['time', 'throughput', 'latency'].includes(name);

export const Interval = z.object({
  low: z.number(),
  high: z.number(),
  coverage: z.number().describe('probability that the interval holds the true value: exact for a median, a lower bound for a ratio'),
});
export type Interval = z.infer<typeof Interval>;

export const Summary = z.object({
  n: z.number().int(),
  mean: z.number(),
  median: z.number(),
  stddev: z.number().nullable().describe('sample standard deviation; null with one sample'),
  cv: z.number().nullable().describe('coefficient of variation: stddev / mean; null with one sample or a mean of 0'),
  min: z.number(),
  max: z.number(),
  interval: Interval.nullable().describe('distribution-free (order-statistic) confidence interval of the median, at least 95%'),
  intervalNote: z.string().nullable().describe('why there is no interval (too few samples)'),
  outliers: z.array(z.number().int()).describe('sample indexes flagged by the MAD rule (kept, not dropped)'),
  cost: SampleCost.nullable().default(null).describe('the median of each cost figure over the measured samples that have it'),
});
export type Summary = z.infer<typeof Summary>;

/** A ratio's verdict against native, whichever way its metric points: slower is worse than native. */
export const RatioVerdictWord = z.enum(['slower', 'faster', 'same', 'undecided']);
export type RatioVerdictWord = z.infer<typeof RatioVerdictWord>;

export const RatioVerdict = z.object({
  word: RatioVerdictWord.describe('slower or faster: the interval lies wholly beyond the margin; same: wholly within it; undecided: neither yet'),
  margin: z.number().describe('ratios within 1 ± margin of native count as the same (0.1 = ±10%)'),
  samples: z.number().int().describe('rounds (paired) or the larger sample (unpaired) the verdict rests on'),
  forecast: z
    .object({ kind: z.enum(['samples', 'more-than']), samples: z.number().int() })
    .nullable()
    .describe('undecided: about how many samples the verdict would take at the spread seen, or more than so many'),
});
export type RatioVerdict = z.infer<typeof RatioVerdict>;

export const Ratio = z.object({
  to: z.literal(REFERENCE_STRATEGY),
  value: z
    .number()
    .describe('the Hodges–Lehmann estimate of this cell / the reference cell (the ratio of medians in runs without a method); below 1 is slower when higher is better'),
  interval: Interval.nullable().describe('the interval of the ratio (see method); null for the reference itself'),
  intervalNote: z.string().nullable().describe('why there is no interval'),
  method: z
    .enum(['paired-signed-rank', 'unpaired-rank-sum'])
    .optional()
    .describe('paired: rounds paired by index, exact Wilcoxon signed-rank interval; unpaired: exact Mann–Whitney interval on log times. Absent in older runs: the corner product of two median intervals, a lower bound'),
  sequential: z
    .object({ confidence: z.number(), overall: z.number() })
    .optional()
    .describe('--runs auto: the interval was taken at the look\'s confidence; whichever look stopped, it holds with at least overall (the coverage recorded)'),
  verdict: RatioVerdict.optional().describe('absent in runs before verdicts and where there is no interval'),
});
export type Ratio = z.infer<typeof Ratio>;

/** What the sync strategy's engine did for a sandbox, besides the samples: set-up, and whether it kept its promises. */
export const SyncCheck = z.object({ name: z.string(), passed: z.boolean(), detail: z.string().nullable() });
export type SyncCheck = z.infer<typeof SyncCheck>;

export const CellSync = z.object({
  engine: z.string().describe('unison, mutagen or docker-desktop'),
  title: z.string().describe('the engine and its version, e.g. "unison 2.52.1"'),
  how: z.string().describe('how it finds changes and carries them, e.g. polling every 1 s over docker exec'),
  ignored: z.array(z.string()).describe('names the engine leaves out, in its own syntax'),
  initialSyncSeconds: z.number().nullable().describe('the first full sync of the project into the volume, untimed'),
  engineCpuSeconds: z.number().nullable().describe("CPU of the engine's own process on the host over the sandbox's life; null where not readable"),
  incidents: z.array(z.string()).optional().describe('what went wrong and was recovered from, e.g. the engine stopped and was started again'),
  correctness: z
    .object({ passed: z.boolean(), checks: z.array(SyncCheck) })
    .nullable()
    .describe('files created, changed, renamed and deleted on either side converge, and stay deleted'),
});
export type CellSync = z.infer<typeof CellSync>;

export const CellStatus = z.enum(['ok', 'failed', 'skipped', 'interrupted']);
export type CellStatus = z.infer<typeof CellStatus>;

export const Cell = z.object({
  id: z.string(),
  platform: z.string(),
  strategy: StrategyName,
  workload: z.string(),
  measure: z.string().describe('which figure of the workload: "time" when it has one, else e.g. "cold", "write", "p95"'),
  metric: Metric,
  status: CellStatus,
  reason: z.string().nullable().describe('why the cell was skipped, failed or interrupted'),
  mounts: z.array(FileSharing.extend({ target: z.string() })).describe('mounts of the workload dir seen inside the container'),
  runtime: z.object({ node: z.string().nullable(), npm: z.string().nullable() }).nullable(),
  notes: z.array(z.string()).describe('what the reader should know about these figures, e.g. a cold pass that was not truly cold'),
  method: z
    .string()
    .nullable()
    .default(null)
    .describe('how the figure was taken, where that differs between strategies; ratios only compare cells taken the same way'),
  samples: z.array(Sample),
  sync: CellSync.optional().describe('sync strategy only: its engine, set-up and correctness check'),
  summary: Summary.nullable(),
  ratioToNative: Ratio.nullable(),
});
export type Cell = z.infer<typeof Cell>;

export const Priming = z.object({
  platform: z.string(),
  workload: z.string(),
  seconds: z.number(),
  how: z.string(),
});
export type Priming = z.infer<typeof Priming>;

/** Why a platform's workload stopped taking samples. */
export const Stopping = z.object({
  platform: z.string(),
  workload: z.string(),
  rule: z.enum(['runs', 'verdict', 'precision', 'max-runs', 'max-time', 'interrupted', 'no-samples']).describe('verdict: every ratio had its verdict at a planned look'),
  samples: z.number().int().describe('measured samples per cell when it stopped (rounds after the warm-up)'),
  worstHalfWidth: z.number().nullable().describe('the widest half-width left, relative to its ratio or median (0.05 = 5%)'),
});
export type Stopping = z.infer<typeof Stopping>;

export const RunStatus = z.enum(['complete', 'interrupted', 'failed']);
export type RunStatus = z.infer<typeof RunStatus>;

export const RunDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('mountbench'), version: z.string() }),
  id: z.string(),
  command: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: RunStatus,
  statusReason: z.string().nullable(),
  settings: z.object({
    workloads: z.array(z.string()),
    fixture: z.string().describe('fixture of the npm-install and build workloads, or the project'),
    sizes: z.record(z.string(), z.number()).describe('sizes of the generated workloads (files, file bytes, MB, events)'),
    strategies: z.array(StrategyName),
    runs: z.union([z.number().int().min(1), z.literal('auto')]).describe('measured samples per cell, or auto: until precise enough'),
    auto: z
      .object({
        precision: z.number().nullable().describe('target half-width of every ratio (or median) interval, relative: 0.05 = 5%; null: a verdict is enough'),
        looks: z.array(z.number().int()).optional().describe('the planned looks (samples per cell); absent in runs that looked every round'),
        minRuns: z.number().int(),
        maxRuns: z.number().int(),
        maxSeconds: z.number().nullable().describe('sampling time per platform and workload'),
      })
      .nullable()
      .default(null),
    warmup: z.number().int(),
    image: z.string(),
    online: z.boolean(),
    order: z.enum(['interleaved', 'sequential']),
    margin: z.number().optional().describe('ratios within 1 ± margin of native are "the same" (0.1 = ±10%); absent in runs before verdicts'),
    quietWait: z.number().optional().describe('--quiet-wait: before each round, the most seconds it waited for other work to fall below a tenth of the host\'s cores; absent when not asked for'),
    sync: z
      .object({
        engine: z.string().describe('as asked: auto, unison, mutagen or docker-desktop'),
        ignore: z.array(z.string()),
        settleTimeoutSeconds: z.number(),
      })
      .optional()
      .describe('with the sync strategy'),
    seed: z.number().int().optional().describe('version 1 only: the seed of its bootstrap intervals'),
  }),
  host: z.object({
    os: z.string(),
    osVersion: z.string(),
    arch: z.string(),
    cpuModel: z.string(),
    cpus: z.number().int(),
    memoryBytes: z.number(),
    node: z.string(),
    npm: z.string().nullable(),
  }),
  platforms: z.array(
    z.object({
      identity: PlatformIdentity.nullable(),
      name: z.string(),
      image: z
        .object({
          ref: z.string(),
          id: z.string(),
          note: z.string().nullable().default(null).describe('how the image got there when not found or pulled: a fallback, a copy from another platform'),
        })
        .nullable(),
      error: z.string().nullable(),
      cost: PlatformCostSources.nullable().default(null),
    }),
  ),
  priming: z.array(Priming),
  stopping: z.array(Stopping).default([]).describe('per platform and workload: which rule ended its sampling'),
  cells: z.array(Cell),
  notes: z.array(z.string()).default([]).describe('what the reader should know about the run as a whole: what its clean-up could not remove, what went wrong while writing it (e.g. a figure that was not a finite number)'),
  timing: z.object({
    wallSeconds: z.number().describe('the whole run, start to finish'),
    sampledSeconds: z.number().describe('sum of all timed steps, warm-ups included, each step once however many measures read it'),
    primingSeconds: z.number(),
  }),
});
export type RunDocument = z.infer<typeof RunDocument>;
/** What a strategy adds to each cell of its sandbox besides the samples. */
export type StrategyRecord = Pick<Cell, 'sync'>;
/** One platform of a run: its identity, image, cost sources, or why it could not be measured. */
export type PlatformRecord = RunDocument['platforms'][number];

export function runDocumentJsonSchema(): unknown {
  return z.toJSONSchema(RunDocument, { target: 'draft-2020-12' });
}
