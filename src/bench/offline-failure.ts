// A sample that failed in an offline sandbox for want of the network says so, and names the way out (--online),
// instead of ending on npm's last line (the path of its debug log).
import type { Workload } from '../workloads/workload.js';

// Could not reach the registry: ENOTCACHED is npm offline asking for what its cache lacks, the others are what a
// sandbox without a network answers. Specific enough to be looked for on any line (pnpm and yarn print them too).
const NETWORK_CODES = /\b(ENOTCACHED|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ENETUNREACH)\b|getaddrinfo/;
const NPM_ERROR = /^npm (ERR!|error) /;
const QUOTED_CHARS = 160;

/** The line of the output that says the network was needed (npm's error lines first), or null. */
export function networkErrorLine(output: string): string | null {
  const lines = output.split('\n').map((l) => l.trim());
  const npmErrors = lines.filter((l) => NPM_ERROR.test(l));
  const line = npmErrors.find((l) => NETWORK_CODES.test(l) || /network/i.test(l)) ?? lines.find((l) => NETWORK_CODES.test(l));
  return line === undefined ? null : line.slice(0, QUOTED_CHARS);
}

/** The reason of a sample that failed for want of the network while the workload ran offline; null otherwise. */
export function offlineFailure(workload: Workload, sampleNumber: number, output: string): string | null {
  if (!workload.offline) return null;
  const line = networkErrorLine(output);
  if (line === null) return null;
  const cache = workload.prime
    ? 'from a primed cache'
    : 'and nothing primed a cache for them (only package-lock.json or npm-shrinkwrap.json is primed, not pnpm or yarn lockfiles)';
  return `sample ${sampleNumber} needed the network (${line}), but samples run offline ${cache}: pass --online to let them reach the registry`;
}
