// The VM's load at the start of a platform, where its engine runs in a VM of its own: one short-lived container
// reads the VM kernel's counters twice, a couple of seconds apart (vm-load.ts reads them). Cheap: one container a
// platform, labelled with the run, so its clean-up finds it if interrupted.
import type Docker from 'dockerode';
import { demuxedText } from '../platforms/probe.js';
import { labels } from '../util/labels.js';
import type { LoadReading } from './machine-load.js';
import { PROBE_SPLIT, vmLoadOfProbe } from './vm-load.js';

export async function probeVmLoad(docker: Docker, image: string, runId: string, seconds: number): Promise<LoadReading | null> {
  const read = 'cat /proc/uptime /proc/stat';
  const container = await docker.createContainer({
    Image: image,
    Entrypoint: ['sh', '-c'],
    Cmd: [`${read}; echo '${PROBE_SPLIT}'; sleep ${seconds}; ${read}`],
    Labels: labels(runId, 'load-probe'),
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    await container.start();
    await container.wait();
    const load = vmLoadOfProbe(demuxedText((await container.logs({ stdout: true, stderr: false })) as unknown as Buffer));
    return load && { ...load, top: [] };
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}
