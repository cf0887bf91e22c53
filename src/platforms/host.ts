// Facts about the machine mountbench runs on (the `native` strategy's platform).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import si from 'systeminformation';
import type { RunDocument } from '../model/run-document.js';

export type HostFacts = RunDocument['host'];

/** Version of a program on the host's PATH, or null when it is missing or fails. */
export function hostProgramVersion(program: string): string | null {
  const result = spawnSync(program, ['--version'], { encoding: 'utf8', timeout: 15000 });
  return result.status === 0 ? result.stdout.trim().split('\n')[0] : null;
}

export async function hostFacts(): Promise<HostFacts> {
  const [osInfo, cpu] = await Promise.all([si.osInfo(), si.cpu()]);
  return {
    os: osInfo.distro || os.type(),
    osVersion: osInfo.release || os.release(),
    arch: os.arch(),
    cpuModel: [cpu.manufacturer, cpu.brand].filter(Boolean).join(' ') || os.cpus()[0]?.model || 'unknown',
    cpus: os.cpus().length,
    memoryBytes: os.totalmem(),
    node: process.version,
    npm: hostProgramVersion('npm'),
  };
}
