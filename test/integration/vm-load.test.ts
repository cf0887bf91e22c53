// The timer's view of the kernel's CPU counters from inside a container, on the real engine: asked for them (as on
// a VM platform), it reports /proc/stat's cpu lines before and after the step, which the VM-load arithmetic reads;
// not asked (as on a host engine), nothing. On this Linux host the container's /proc/stat is the host's own, so the
// figures can be checked against the host: its CPUs, a window as long as the step, busy time at least the
// container's own. The load probe reads the same counters from a short-lived container and leaves nothing behind.
import assert from 'node:assert/strict';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { ContainerRunner } from '../../src/bench/container-runner.js';
import { parseProcStat, vmOtherLoad } from '../../src/bench/vm-load.js';
import { probeVmLoad } from '../../src/bench/vm-load-probe.js';
import { OFFLINE_IMAGE } from '../../src/docker/images.js';
import { labels, newRunId } from '../../src/util/labels.js';
import { leftovers, requireEngine } from '../helpers/engine.js';

const runId = `test-vm-load-${newRunId()}`;
let docker: Docker;
let container: Docker.Container;
before(async () => {
  docker = await requireEngine();
  container = await docker.createContainer({ Image: OFFLINE_IMAGE, Entrypoint: ['sleep'], Cmd: ['infinity'], Labels: labels(runId, 'test'), HostConfig: { NetworkMode: 'none' } });
  await container.start();
});
after(async () => {
  await container?.remove({ force: true }).catch(() => undefined);
});

/** A second of one core kept busy inside the container. */
const BUSY_SECOND = `node -e 'const t = Date.now(); while (Date.now() - t < 1000);'`;

describe('the timer\'s kernel counters on the real engine', () => {
  it('asked for them: the cpu lines around the step, the host\'s CPUs, busy time at least the container\'s, a load in 0..1', async () => {
    const result = await new ContainerRunner(docker, container, '/', true).run(BUSY_SECOND);
    assert.equal(result.exitCode, 0, result.outputTail);
    const window = result.procStat!;
    assert.ok(window, 'procStat reported');
    const [start, end] = [parseProcStat(window.before)!, parseProcStat(window.after)!];
    assert.equal(end.cpus, os.cpus().length, 'the container sees the host kernel\'s CPUs');
    assert.ok(window.seconds >= result.wallSeconds && window.seconds < result.wallSeconds + 0.5, `window ${window.seconds} s around a step of ${result.wallSeconds} s`);
    const own = result.cgroup!.cpuSeconds;
    // A second of wall time: the CPU it gets depends on what else runs on this shared machine.
    assert.ok(own > 0.1, `the container's cgroup counted the busy loop: ${own} s`);
    // Ticks of 10 ms on each CPU: the kernel's count may fall a few ticks short of the cgroup's nanoseconds.
    assert.ok(end.busySeconds - start.busySeconds >= own - 0.05 * end.cpus, `busy ${end.busySeconds - start.busySeconds} s < own ${own} s`);
    const load = vmOtherLoad(window, own);
    assert.ok(load !== null && load >= 0 && load <= 1, `load ${load}`);
  });
  it('not asked: no counters', async () => {
    const result = await new ContainerRunner(docker, container, '/').run('sleep 0.3');
    assert.equal(result.exitCode, 0, result.outputTail);
    assert.ok(!('procStat' in result));
  });
});

describe('the load probe on the real engine', () => {
  it('reads the kernel\'s CPUs and a load in 0..1 over its window, and removes its container', async () => {
    const reading = await probeVmLoad(docker, OFFLINE_IMAGE, runId, 1);
    assert.ok(reading, 'a reading');
    assert.equal(reading.cores, os.cpus().length);
    assert.ok(reading.seconds >= 0.9 && reading.seconds < 3, `a window of about 1 s: ${reading.seconds}`);
    assert.ok(reading.share >= 0 && reading.share <= 1, `share ${reading.share}`);
    assert.equal(await leftovers(docker, runId), 1, 'only the test\'s own container is left');
  });
});
