// Many machines' results, made up for the site's size and speed (npm run bench:site) and its tests: run documents
// of plausible platforms, chips and dates, their samples drawn lognormal around a per-platform slowdown, then
// summarised and shared by the real code (summariseCells, shareRun), so every figure is as mountbench computes it.
// Invented figures: never shown as measurements anywhere but in the benchmark's own temporary site.
import type { Cell, RunDocument } from '../../src/model/run-document.js';
import type { StrategyName } from '../../src/model/strategies.js';
import { shareRun } from '../../src/share/from-run.js';
import { NO_IDENTITY } from '../../src/share/redact.js';
import type { SharedResult } from '../../src/share/schema.js';
import { summariseCells } from '../../src/stats/summarise-cells.js';
import { seededRandom, type Random } from './random.js';

interface PlatformSpec {
  kind: string;
  product: string;
  versions: string[];
  mechanism: string;
  fstype: string;
  /** Median slowdown of a bind mount, and of the hybrid, over native. */
  bind: number;
  hybrid: number;
}

const PLATFORMS: PlatformSpec[] = [
  { kind: 'docker-desktop', product: 'Docker Desktop', versions: ['4.37.1', '4.38.0', '4.40.0', '4.43.2', '4.47.0', '4.50.0'], mechanism: 'virtiofs', fstype: 'fakeowner', bind: 2.6, hybrid: 1.1 },
  { kind: 'docker-desktop', product: 'Docker Desktop (gRPC FUSE)', versions: ['4.37.1', '4.43.2'], mechanism: 'grpcfuse', fstype: 'fuse.grpcfuse', bind: 3.8, hybrid: 1.2 },
  { kind: 'orbstack', product: 'OrbStack', versions: ['1.9.2', '1.10.0', '1.11.3', '2.0.1'], mechanism: 'virtiofs', fstype: 'virtiofs', bind: 1.4, hybrid: 1.05 },
  { kind: 'colima', product: 'Colima', versions: ['0.8.1', '0.9.0'], mechanism: 'virtiofs', fstype: 'virtiofs', bind: 2.4, hybrid: 1.1 },
  { kind: 'lima', product: 'Lima', versions: ['1.0.3', '1.1.0', '2.0.0'], mechanism: '9p', fstype: '9p', bind: 4.5, hybrid: 1.15 },
  { kind: 'podman', product: 'Podman machine', versions: ['5.3.1', '5.5.0'], mechanism: 'virtiofs', fstype: 'virtiofs', bind: 2.9, hybrid: 1.1 },
  { kind: 'rancher-desktop', product: 'Rancher Desktop', versions: ['1.16.0', '1.18.2'], mechanism: 'virtiofs', fstype: 'virtiofs', bind: 2.7, hybrid: 1.1 },
  { kind: 'docker-linux', product: 'Docker on Linux', versions: ['27.5.1', '28.3.0', '29.1.0'], mechanism: 'none', fstype: 'ext4', bind: 1.0, hybrid: 1.0 },
];

const CHIPS = [
  ['Apple M1', 'macOS', '14.7'],
  ['Apple M2 Pro', 'macOS', '15.1'],
  ['Apple M3 Max', 'macOS', '15.3'],
  ['Apple M4 Pro', 'macOS', '15.5'],
  ['Apple M4', 'macOS', '26.1'],
  ['Intel Core i7-9750H', 'macOS', '14.7'],
  ['AMD Ryzen 9 7950X', 'Ubuntu', '24.04'],
  ['Intel Core i5-1340P', 'Fedora', '41'],
  ['AMD EPYC 7763', 'Ubuntu', '22.04'],
  ['Intel Xeon Platinum 8370C', 'Ubuntu', '24.04'],
] as const;

const STRATEGIES: StrategyName[] = ['native', 'container', 'hybrid', 'bind', 'volume'];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];
/** A lognormal draw around `median` with a spread of about `cv`. */
const lognormal = (random: Random, median: number, cv: number) => median * Math.exp(cv * Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random()));

function cells(random: Random, platform: string, spec: PlatformSpec, native: number, samples: number): Cell[] {
  const machineBind = lognormal(random, spec.bind, 0.15);
  const slowdown: Record<string, number> = { native: 1, container: lognormal(random, 1.05, 0.05), hybrid: lognormal(random, spec.hybrid, 0.05), bind: machineBind, volume: lognormal(random, 1.03, 0.05) };
  return STRATEGIES.map((strategy) => ({
    id: `${platform}/npm-install/${strategy}`,
    platform,
    strategy,
    workload: 'npm-install',
    measure: 'time',
    metric: { name: 'time', unit: 's', lowerIsBetter: true },
    status: 'ok',
    reason: null,
    mounts: [],
    runtime: { node: 'v22.12.0', npm: '10.9.0' },
    notes: [],
    method: null,
    samples: Array.from({ length: samples + 1 }, (_, index) => {
      const value = Number(lognormal(random, native * slowdown[strategy], 0.06).toFixed(3));
      return { index, warmup: index === 0, startedAt: '2026-01-01T00:00:00.000Z', value, wallSeconds: value, exitCode: 0, cpuUserSeconds: null, cpuSystemSeconds: null };
    }),
    summary: null,
    ratioToNative: null,
  }));
}

/** One made-up run: one platform (one in five has two), the medium fixture, 10 samples a cell. */
export function generatedRun(random: Random, i: number): RunDocument {
  const [cpuModel, os, osVersion] = pick(random, CHIPS);
  const mac = os === 'macOS';
  const specs = mac ? PLATFORMS.filter((p) => p.kind !== 'docker-linux') : PLATFORMS.filter((p) => p.kind === 'docker-linux' || p.kind === 'podman');
  const chosen = random() < 0.2 ? [pick(random, specs), pick(random, specs)] : [pick(random, specs)];
  const native = lognormal(random, cpuModel.startsWith('Apple M4') ? 1.2 : 2, 0.2);
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 700) * 86_400_000);
  const platforms = chosen.map((spec, j) => {
    const version = pick(random, spec.versions);
    const name = `${spec.kind}-${j}`;
    const identity = {
      name,
      endpoint: `unix:///var/run/${spec.kind}.sock`,
      source: 'context',
      kind: spec.kind,
      label: `${spec.product} ${version}`,
      engine: { product: 'Docker Engine', version: '27.4.0', apiVersion: '1.47', os: spec.product, kernel: '6.10.14-linuxkit', arch: mac ? 'aarch64' : 'x86_64', cpus: 8, memoryBytes: 8 * 1024 ** 3, storageDriver: 'overlayfs' },
      fileSharing: { mechanism: spec.mechanism, fstype: spec.fstype, mountinfo: null },
    };
    return { identity, name, image: { ref: 'node:22-slim', id: 'sha256:0', note: null }, error: null, cost: null };
  });
  const runCells = chosen.flatMap((spec, j) => cells(random, `${spec.kind}-${j}`, spec, native, 10));
  const started = day.toISOString();
  return {
    schemaVersion: 2,
    tool: { name: 'mountbench', version: '0.1.0' },
    id: `${started.slice(0, 10).replace(/-/g, '')}-${String(i).padStart(6, '0')}`,
    command: ['mountbench', 'run', '--fixture', 'medium', '--runs', '10'],
    startedAt: started,
    finishedAt: started,
    status: 'complete',
    statusReason: null,
    settings: { workloads: ['npm-install'], fixture: 'medium', sizes: {}, strategies: STRATEGIES, runs: 10, auto: null, warmup: 1, image: 'default', online: false, order: 'interleaved' },
    host: { os, osVersion, arch: mac ? 'arm64' : 'x64', cpuModel, cpus: 8 + 2 * Math.floor(random() * 4), memoryBytes: 16 * 1024 ** 3, node: 'v22.12.0', npm: '10.9.0' },
    platforms,
    priming: [],
    stopping: [],
    cells: summariseCells(runCells),
    notes: [],
    timing: { wallSeconds: 120, sampledSeconds: 100, primingSeconds: 5 },
  };
}

export function generatedResults(count: number, seed = 23): SharedResult[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => shareRun(generatedRun(random, i), { includeProject: false, identity: NO_IDENTITY }).result);
}
