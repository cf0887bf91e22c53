// The timer that runs next to the workload: inside the container (or as a host process for `native`), so that
// container start-up and Engine API round trips are not in the figure. It is plain JavaScript handed to `node -e`,
// because every image that can run these workloads has node. It prints one JSON line after a marker.
//
// The command runs under a shell with pipefail (bash, or an sh that has it), so `cmd | tee log` fails when cmd
// fails: a failure must never pass as a time. A shell without pipefail is refused for commands with a pipe.
// The figures a workload script prints are read from its own stdout, whatever it wrote to stderr.
export const RESULT_MARKER = 'MOUNTBENCH_RESULT ';
/** The marker of the figures a workload script prints itself (fixtures/scripts/values.cjs). */
export const VALUES_MARKER = 'MOUNTBENCH_VALUES ';
export const OUTPUT_TAIL_CHARS = 4000;
/** Exit code of a command the harness refused to run (no shell with pipefail for a pipeline). */
export const NO_PIPEFAIL_EXIT = 125;

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
function printedValues(stdout) {
  const at = stdout.lastIndexOf(${JSON.stringify(VALUES_MARKER)});
  if (at < 0) return {};
  try {
    const parsed = JSON.parse(stdout.slice(at + ${VALUES_MARKER.length}).split('\\n')[0]);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch { return {}; }
}
// Found before the clock starts: which shell gives the command pipefail.
function shellFor(command) {
  const works = (file, args) => spawnSync(file, args, { stdio: 'ignore' }).status === 0;
  if (works('bash', ['-o', 'pipefail', '-c', 'true'])) return ['bash', ['-o', 'pipefail', '-c', command]];
  if (works('sh', ['-c', 'set -o pipefail'])) return ['sh', ['-c', 'set -o pipefail; ' + command]];
  return /(^|[^|])[|]([^|]|$)/.test(command) ? null : ['sh', ['-c', command]];
}
const command = process.argv[1];
const shell = shellFor(command);
if (!shell) {
  process.stdout.write('\\n${RESULT_MARKER}' + JSON.stringify({
    wallSeconds: 0, exitCode: ${NO_PIPEFAIL_EXIT}, signal: null, cpuUserSeconds: null, cpuSystemSeconds: null, values: {},
    outputTail: 'refused: the command has a pipe, and no shell here has pipefail (bash or an sh with set -o pipefail), so a failure inside the pipeline would pass as a time; use an image with bash',
  }) + '\\n');
  process.exit(0);
}
const before = childCpu();
const start = process.hrtime.bigint();
const child = spawnSync(shell[0], shell[1], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const after = childCpu();
const stdout = String(child.stdout || '');
const output = stdout + String(child.stderr || '') + (child.error ? String(child.error) : '');
process.stdout.write('\\n${RESULT_MARKER}' + JSON.stringify({
  wallSeconds,
  exitCode: child.status === null ? 128 : child.status,
  signal: child.signal,
  cpuUserSeconds: before && after ? after[0] - before[0] : null,
  cpuSystemSeconds: before && after ? after[1] - before[1] : null,
  values: printedValues(stdout),
  outputTail: output.slice(-${OUTPUT_TAIL_CHARS}),
}) + '\\n');
`;

export interface HarnessResult {
  wallSeconds: number;
  exitCode: number;
  signal: string | null;
  cpuUserSeconds: number | null;
  cpuSystemSeconds: number | null;
  /** The last figures the command printed on its stdout ({} when it printed none, as most commands). */
  values: Record<string, unknown>;
  outputTail: string;
}

/** Find the result line in the harness's stdout. */
export function parseHarnessOutput(stdout: string): HarnessResult {
  const at = stdout.lastIndexOf(RESULT_MARKER);
  if (at < 0) throw new Error(`the timer printed no result; its output ends with: ${stdout.slice(-500) || '(nothing)'}`);
  const line = stdout.slice(at + RESULT_MARKER.length).split('\n')[0];
  return JSON.parse(line) as HarnessResult;
}

/** The last figures printed in a stream's stdout; {} when it printed none or a broken line. */
export function readPrintedValues(stdout: string): Record<string, unknown> {
  const at = stdout.lastIndexOf(VALUES_MARKER);
  if (at < 0) return {};
  try {
    const parsed: unknown = JSON.parse(stdout.slice(at + VALUES_MARKER.length).split('\n')[0]);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
