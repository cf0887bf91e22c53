// The other load of a step: the host's busy CPU less the run's own, as a share of the host's cores over the window.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HostCounts } from '../../src/bench/cost.js';
import { busiest, BUSY_SHARE, coresText, isBusy, loadText, otherLoad, shortestStepSeconds } from '../../src/bench/machine-load.js';

const spent = (over: Partial<HostCounts>): HostCounts => ({ sharingCpuSeconds: null, hostCpuSeconds: 0, energyJoules: null, runCpuSeconds: 0, atSeconds: 1, ...over });

describe('otherLoad', () => {
  it('is the host CPU less the sample, the sharing layer and the run, over cores × wall time', () => {
    // 2 cores, 2 s: the host was busy 3 s, of which the container 1.2, the FUSE daemon 0.4, dockerd and mountbench 0.2
    const share = otherLoad({ spent: spent({ hostCpuSeconds: 3, sharingCpuSeconds: 0.4, runCpuSeconds: 0.2, atSeconds: 2 }), sampleCpuSeconds: 1.2, insideTheVm: false, cores: 2 });
    assert.ok(share !== null && Math.abs(share - 0.3) < 1e-9, String(share));
    assert.equal(coresText(share!, 2), '0.6 of 2 cores');
    assert.ok(isBusy(share!));
  });
  it('inside a VM does not take the container off twice: the VM processes carry it', () => {
    const share = otherLoad({ spent: spent({ hostCpuSeconds: 2, sharingCpuSeconds: 1.8, runCpuSeconds: 0.1, atSeconds: 1 }), sampleCpuSeconds: 1.5, insideTheVm: true, cores: 2 });
    assert.ok(share !== null && Math.abs(share - 0.05) < 1e-9, String(share));
    assert.ok(!isBusy(share!));
  });
  it('is null when the sample\'s own part is unknown', () => {
    assert.equal(otherLoad({ spent: spent({ hostCpuSeconds: 1 }), sampleCpuSeconds: null, insideTheVm: false, cores: 2 }), null);
    assert.equal(otherLoad({ spent: spent({ hostCpuSeconds: 1 }), sampleCpuSeconds: 0.5, insideTheVm: true, cores: 2 }), null);
  });
  it('is never negative: counters read at different instants clamp at 0', () => {
    assert.equal(otherLoad({ spent: spent({ hostCpuSeconds: 1, runCpuSeconds: 0.1 }), sampleCpuSeconds: 1.0, insideTheVm: false, cores: 2 }), 0);
  });
  it('is null for a step too short for the kernel\'s 10 ms ticks to tell a tenth of the cores', () => {
    assert.ok(Math.abs(shortestStepSeconds(2) - 0.25) < 1e-12 && Math.abs(shortestStepSeconds(10) - 0.05) < 1e-12);
    // 0.1 s on 2 cores: one tick more or less is 0.05 of the cores, half the threshold
    assert.equal(otherLoad({ spent: spent({ hostCpuSeconds: 0.1, atSeconds: 0.1 }), sampleCpuSeconds: 0, insideTheVm: false, cores: 2 }), null);
    assert.equal(otherLoad({ spent: spent({ hostCpuSeconds: 0.25, atSeconds: 0.25 }), sampleCpuSeconds: 0, insideTheVm: false, cores: 2 }), 0.5);
  });
  it('calls a tenth of the host busy', () => {
    assert.equal(BUSY_SHARE, 0.1);
    assert.ok(!isBusy(0.1) && isBusy(0.11));
  });
});

describe('busiest', () => {
  it('ranks other processes by the CPU they spent, leaving the run\'s own out', () => {
    const before = new Map([[1, { cpuSeconds: 10 }], [2, { cpuSeconds: 5 }], [3, { cpuSeconds: 1 }]]);
    const after = new Map([[1, { comm: 'qemu', cpuSeconds: 11.6 }], [2, { comm: 'dockerd', cpuSeconds: 6 }], [3, { comm: 'node', cpuSeconds: 1.2 }], [4, { comm: 'new', cpuSeconds: 9 }]]);
    assert.deepEqual(busiest(before, after, new Set([2])).map((p) => p.comm), ['qemu', 'node']);
  });
});

describe('loadText', () => {
  it('names the busiest other processes by the cores they kept busy, leaving out those that hardly ran', () => {
    const top = [{ pid: 1, comm: 'qemu-system-x86', cpuSeconds: 1.9 }, { pid: 2, comm: 'node', cpuSeconds: 0.4 }, { pid: 3, comm: 'sshd', cpuSeconds: 0.04 }];
    assert.equal(loadText({ share: 0.6, cores: 2, top, seconds: 2 }), 'other work kept 1.2 of 2 cores busy (qemu-system-x86 0.9, node 0.2 cores)');
    assert.equal(loadText({ share: 0.01, cores: 2, top: [top[2]], seconds: 2 }), 'other work kept 0.0 of 2 cores busy');
  });
});
