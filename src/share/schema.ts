// A shared result: what one run becomes when it is published. Its own small schema, versioned apart from the run
// document's, because results repositories keep files for years while run.json changes with the tool. It holds
// figures and the machine's fingerprint, never who or where: no host, user, home, project, address or path.
import { z } from 'zod';
import { STRATEGY_NAMES } from '../model/strategies.js';

export const SHARE_SCHEMA_VERSION = 1;
/** The id is this many hexadecimal characters of the sha256 of the canonical JSON without the id (64 bits). */
export const ID_LENGTH = 16;
/** What a field says when the run document did not record it: never guessed. */
export const UNKNOWN = 'unknown';

const Interval = z.object({ low: z.number(), high: z.number(), coverage: z.number() });

export const SharedSample = z.object({
  index: z.number().int(),
  warmup: z.boolean(),
  value: z.number().nullable(),
  wallSeconds: z.number().nullable(),
  exitCode: z.number().int().nullable(),
  outputTail: z.string().optional(),
  otherLoad: z.number().min(0).max(1).nullable().optional().describe("share of the host's cores other work kept busy during the sample; absent where not measured"),
  vmOtherLoad: z.number().min(0).max(1).nullable().optional().describe("share of the VM's CPUs other work kept busy, where the engine runs in a VM; absent elsewhere"),
});

export const SharedSummary = z.object({
  n: z.number().int(),
  mean: z.number(),
  median: z.number(),
  stddev: z.number().nullable(),
  cv: z.number().nullable(),
  min: z.number(),
  max: z.number(),
  interval: Interval.nullable(),
  intervalNote: z.string().nullable(),
  outliers: z.array(z.number().int()),
});

export const Verdict = z.enum(['slower', 'faster', 'no detectable difference']);
export type Verdict = z.infer<typeof Verdict>;

export const RunVerdict = z.object({
  verdict: z.enum(['slower', 'faster', 'same', 'undecided']),
  margin: z.number().nullable().describe('ratios within 1 ± margin count as the same'),
  text: z.string().nullable().describe('the verdict in the run\'s own words, e.g. "slower, 2.1x (1.9–2.4)"'),
});
export type RunVerdict = z.infer<typeof RunVerdict>;

export const SharedCell = z.object({
  platform: z.string().describe("the platform's key in this result (its name, anonymised)"),
  workload: z.string(),
  measure: z.string(),
  strategy: z.enum(STRATEGY_NAMES),
  metric: z.object({ name: z.string(), unit: z.string(), lowerIsBetter: z.boolean() }),
  status: z.enum(['ok', 'failed', 'skipped', 'interrupted']),
  reason: z.string().nullable(),
  method: z.string().nullable(),
  notes: z.array(z.string()),
  samples: z.array(SharedSample),
  summary: SharedSummary.nullable(),
  ratioToNative: z.object({ value: z.number(), interval: Interval.nullable(), intervalNote: z.string().nullable() }).nullable(),
  verdict: Verdict.nullable().describe('against native, from the interval of the ratio; null without one'),
  runVerdict: RunVerdict.optional().describe('the verdict the run reached against its margin, when its document has one'),
});
export type SharedCell = z.infer<typeof SharedCell>;

export const SharedPlatform = z.object({
  key: z.string(),
  kind: z.string(),
  label: z.string(),
  product: z.string(),
  engineVersion: z.string(),
  apiVersion: z.string().nullable(),
  vm: z.string().describe('the VM the engine runs in, or "unknown" where the run did not record it'),
  hypervisor: z.string(),
  os: z.string(),
  kernel: z.string(),
  arch: z.string(),
  cpus: z.number().int().nullable().describe("CPUs given to the engine's VM (the host's, without one)"),
  memoryBytes: z.number().nullable(),
  storageDriver: z.string().nullable(),
  fileSharing: z.object({ mechanism: z.string(), fstype: z.string().nullable() }),
  endpoint: z.string().describe('anonymised: unix://<home>/.orbstack/run/docker.sock'),
  image: z.string().nullable(),
  error: z.string().nullable(),
});
export type SharedPlatform = z.infer<typeof SharedPlatform>;

export const SharedWorkload = z.object({
  name: z.string(),
  fixture: z.string().nullable().describe('npm-install, build: the fixture; project: "<project>"; others: null'),
  parameters: z.record(z.string(), z.number()).describe('the sizes it ran with (files, file bytes, MB, events)'),
  fixtureHash: z.string().describe('sha256 of the fixture, or "unknown" when the run did not record it'),
  lockfileHash: z.string(),
  caches: z.string().describe('whether page caches were dropped before its cold steps'),
});
export type SharedWorkload = z.infer<typeof SharedWorkload>;

export const SharedResult = z.object({
  schemaVersion: z.literal(SHARE_SCHEMA_VERSION),
  id: z.string().regex(new RegExp(`^[0-9a-f]{${ID_LENGTH}}$`)),
  tool: z.object({ name: z.literal('mountbench'), version: z.string() }),
  run: z.object({
    id: z.string(),
    startedAt: z.iso.datetime(),
    finishedAt: z.string().nullable(),
    status: z.enum(['complete', 'interrupted', 'failed']),
    statusReason: z.string().nullable(),
    wallSeconds: z.number(),
    command: z.array(z.string()).describe('the command line, every path replaced by a placeholder'),
  }),
  machine: z.object({
    os: z.string(),
    osVersion: z.string(),
    arch: z.string(),
    cpuModel: z.string(),
    cpus: z.number().int(),
    memoryBytes: z.number(),
    node: z.string(),
    npm: z.string().nullable(),
  }),
  platforms: z.array(SharedPlatform).min(1),
  workloads: z.array(SharedWorkload),
  method: z.object({
    runs: z.union([z.number().int(), z.literal('auto')]),
    auto: z.object({ precision: z.number().nullable(), looks: z.array(z.number().int()).optional(), minRuns: z.number().int(), maxRuns: z.number().int(), maxSeconds: z.number().nullable() }).nullable(),
    warmup: z.number().int(),
    order: z.enum(['interleaved', 'sequential']),
    online: z.boolean(),
    strategies: z.array(z.enum(STRATEGY_NAMES)),
    image: z.string(),
    stopping: z.array(z.object({ platform: z.string(), workload: z.string(), rule: z.string(), samples: z.number().int(), worstHalfWidth: z.number().nullable() })),
  }),
  cells: z.array(SharedCell),
  notes: z.array(z.string()),
});
export type SharedResult = z.infer<typeof SharedResult>;
