// The timer that runs next to the workload: inside the container (or as a host process for `native`), so that
// container start-up and Engine API round trips are not in the figure. It is plain JavaScript handed to `node -e`,
// because every image that can run these workloads has node. It prints one JSON line after a marker.
export const RESULT_MARKER = 'MOUNTBENCH_RESULT ';
export const OUTPUT_TAIL_CHARS = 4000;

export const HARNESS_SOURCE = `
const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
// Children's CPU time (cutime, cstime) from /proc, in USER_HZ (100 per second on every Linux); null elsewhere.
function childCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [Number(f[13]) / 100, Number(f[14]) / 100];
  } catch { return null; }
}
const command = process.argv[1];
const before = childCpu();
const start = process.hrtime.bigint();
const child = spawnSync('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const after = childCpu();
const output = String(child.stdout || '') + String(child.stderr || '') + (child.error ? String(child.error) : '');
process.stdout.write('\\n${RESULT_MARKER}' + JSON.stringify({
  wallSeconds,
  exitCode: child.status === null ? 128 : child.status,
  signal: child.signal,
  cpuUserSeconds: before && after ? after[0] - before[0] : null,
  cpuSystemSeconds: before && after ? after[1] - before[1] : null,
  outputTail: output.slice(-${OUTPUT_TAIL_CHARS}),
}) + '\\n');
`;

export interface HarnessResult {
  wallSeconds: number;
  exitCode: number;
  signal: string | null;
  cpuUserSeconds: number | null;
  cpuSystemSeconds: number | null;
  outputTail: string;
}

export class HarnessError extends Error {}

/** Find the result line in the harness's stdout. */
export function parseHarnessOutput(stdout: string): HarnessResult {
  const at = stdout.lastIndexOf(RESULT_MARKER);
  if (at < 0) throw new HarnessError(`the timer printed no result; its output ends with: ${stdout.slice(-500) || '(nothing)'}`);
  const line = stdout.slice(at + RESULT_MARKER.length).split('\n')[0];
  return JSON.parse(line) as HarnessResult;
}

/** The marker of the figures a workload script prints itself (fixtures/scripts/values.cjs). */
export const VALUES_MARKER = 'MOUNTBENCH_VALUES ';

/** The last figures a step's command printed; {} when it printed none (most commands). */
export function readPrintedValues(output: string): Record<string, unknown> {
  const at = output.lastIndexOf(VALUES_MARKER);
  if (at < 0) return {};
  try {
    const parsed: unknown = JSON.parse(output.slice(at + VALUES_MARKER.length).split('\n')[0]);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
