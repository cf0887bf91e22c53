// CPU time of host processes, read from /proc on Linux and from ps elsewhere: the cost of the processes that serve a
// platform's file sharing, and of an engine a strategy runs on the host.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parsePs } from './sharing-processes.js';

/** CPU seconds (user + system) of some processes since they started; the ones gone since count no more. */
export function processesCpuSeconds(pids: readonly number[]): number {
  if (process.platform === 'linux') {
    return pids.reduce((sum, pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return sum + (Number(f[11]) + Number(f[12])) / 100;
      } catch {
        return sum;
      }
    }, 0);
  }
  const listed = parsePs(spawnSync('ps', ['-o', 'pid=,time=,comm=', '-p', pids.join(',')], { encoding: 'utf8' }).stdout ?? '');
  return listed.reduce((sum, p) => sum + p.cpuSeconds, 0);
}
