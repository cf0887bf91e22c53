// The VM's other load from the kernel counters a container sees: /proc/stat's cpu lines before and after a step, less
// the container's own cgroup CPU, as a share of the kernel's CPUs. The lines below were read on this project's
// 2-core machine (`grep '^cpu' /proc/stat; sleep 1; grep '^cpu' /proc/stat`, /proc/uptime 1.01 s apart), while
// another engineer's work kept it busy: 117 + 10 busy ticks (user, system) in between.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Executor } from '../../src/bench/executor.js';
import { LoadWatch } from '../../src/bench/load-watch.js';
import type { LoadReading } from '../../src/bench/machine-load.js';
import type { ProgressListener } from '../../src/bench/progress.js';
import { planRun } from '../../src/bench/plan.js';
import { QUIET, StandInEngine, standInTarget } from '../../src/bench/stand-in-engine.js';
import { engineHasItsOwnKernel, parseProcStat, PROBE_SPLIT, vmLoadOfProbe, vmOtherLoad } from '../../src/bench/vm-load.js';
import { stepWorkload } from '../helpers/step-workload.js';

const BEFORE = `cpu  3217145 28525 488745 6589819 64717 0 13216 134173 3 0
cpu0 1596703 12520 238723 3329650 19430 0 3956 65820 2 0
cpu1 1620442 16005 250021 3260169 45287 0 9260 68353 0 0`;
const AFTER = `cpu  3217262 28525 488755 6589885 64717 0 13216 134173 3 0
cpu0 1596753 12520 238730 3329691 19430 0 3956 65820 2 0
cpu1 1620508 16005 250025 3260194 45287 0 9260 68353 0 0`;
const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('parseProcStat', () => {
  it('counts user, nice, system and irq of the aggregate line as busy, in ticks of 10 ms, and the CPUs by their lines', () => {
    const cpu = parseProcStat(BEFORE)!;
    assert.equal(cpu.cpus, 2);
    close(cpu.busySeconds, (3217145 + 28525 + 488745 + 0) / 100);
  });
  it('reads a whole /proc/stat (the interrupts and the rest after the cpu lines), and nothing from text without a cpu line', () => {
    const whole = `${AFTER}\nintr 63803884 0 0 0 2\nctxt 201207697\nbtime 1796607071\nprocesses 723665\nprocs_running 5\n`;
    assert.deepEqual(parseProcStat(whole), parseProcStat(AFTER));
    assert.equal(parseProcStat(''), null);
    assert.equal(parseProcStat('cpu0 1 2 3 4'), null, 'no aggregate line');
  });
});

describe('vmOtherLoad', () => {
  it('is the busy CPU between the readings less the container\'s own, over the CPUs and the window', () => {
    // 1.27 s busy in 1.01 s on 2 CPUs; the container itself spent 0.4 s of it.
    close(vmOtherLoad({ before: BEFORE, after: AFTER, seconds: 1.01 }, 0.4), (1.27 - 0.4) / (2 * 1.01));
  });
  it('is 0, not negative, when the container counted a little more than the kernel\'s ticks did', () => {
    assert.equal(vmOtherLoad({ before: BEFORE, after: AFTER, seconds: 1.01 }, 1.3), 0);
  });
  it('is at most 1', () => {
    assert.equal(vmOtherLoad({ before: BEFORE, after: AFTER, seconds: 0.5 }, 0), 1);
  });
  it('is unknown without the container\'s own part, an unreadable reading, or a window too short for ticks to tell', () => {
    assert.equal(vmOtherLoad({ before: BEFORE, after: AFTER, seconds: 1.01 }, null), null);
    assert.equal(vmOtherLoad({ before: '', after: AFTER, seconds: 1.01 }, 0.4), null);
    // 2 CPUs: the shortest window is 0.25 s (machine-load.ts shortestStepSeconds).
    assert.equal(vmOtherLoad({ before: BEFORE, after: AFTER, seconds: 0.2 }, 0), null);
    assert.notEqual(vmOtherLoad({ before: BEFORE, after: AFTER, seconds: 0.3 }, 0), null);
  });
});

describe('engineHasItsOwnKernel', () => {
  it('on Linux, only when the engine\'s kernel is not this machine\'s', () => {
    assert.equal(engineHasItsOwnKernel('6.1.0-28-cloud-amd64', { platform: 'linux', kernel: '6.18.44-fc-v1272' }), true);
    assert.equal(engineHasItsOwnKernel('6.18.44-fc-v1272', { platform: 'linux', kernel: '6.18.44-fc-v1272' }), false);
  });
  it('always on a Mac or Windows, where every engine runs in a VM', () => {
    assert.equal(engineHasItsOwnKernel('6.10.14-linuxkit', { platform: 'darwin', kernel: '23.4.0' }), true);
    assert.equal(engineHasItsOwnKernel('5.15.167.4-microsoft-standard-WSL2', { platform: 'win32', kernel: '10.0.22631' }), true);
  });
});

describe('each sample\'s VM load', () => {
  const workload = stepWorkload();
  const settings = { runId: 'r', workDir: '/nowhere', sampling: { kind: 'fixed', runs: 2 } as const, warmup: 1, image: null, order: 'interleaved' as const, hostNpm: null };
  const run = async (engine: StandInEngine) => (await new Executor(settings, QUIET).execute([standInTarget('p', engine)], planRun(['p'], ['bind'], [workload]))).cells[0].samples;

  it('is recorded beside each sample from the counters the timer read, less the command\'s CPU without a cgroup', async () => {
    // The stand-in's timer counts 0.5 s user and 0.25 s system for the command, and no cgroup.
    const samples = await run(new StandInEngine((_, command) => (command === 'w step' ? { procStat: { before: BEFORE, after: AFTER, seconds: 1.01 } } : {})));
    assert.equal(samples.length, 3);
    for (const s of samples) close(s.vmOtherLoad ?? null, (1.27 - 0.75) / (2 * 1.01));
  });
  it('is absent where the timer did not read them (an engine on the host\'s kernel)', async () => {
    const samples = await run(new StandInEngine());
    assert.equal(samples.length, 3);
    for (const s of samples) assert.ok(!('vmOtherLoad' in s));
  });
});

describe('the VM\'s load at the start', () => {
  it('is read by the probe from /proc/uptime and /proc/stat twice: busy CPU over its CPUs and the VM\'s own clock', () => {
    // The probe's output as the container prints it: uptime, /proc/stat, the split, uptime, /proc/stat (recorded above).
    const output = `52876.97 65898.19\n${BEFORE}\nintr 1 2 3\n${PROBE_SPLIT}\n52877.98 65898.85\n${AFTER}\nintr 4 5 6\n`;
    const load = vmLoadOfProbe(output)!;
    assert.equal(load.cores, 2);
    close(load.seconds, 1.01);
    close(load.share, 1.27 / (2 * 1.01));
    assert.equal(vmLoadOfProbe(`52876.97 1\n${BEFORE}\n`), null, 'one reading only');
  });

  function watchOf(vm: LoadReading | null, quietWaitSeconds: number | null) {
    const phases: string[] = [];
    const listener: ProgressListener = { ...QUIET, phase: (platform, message) => phases.push(`[${platform}] ${message}`) };
    let vmReadings = 0;
    const quiet = async (): Promise<LoadReading> => ({ share: 0, cores: 2, top: [], seconds: 0.01 });
    const watch = new LoadWatch('p', quiet, listener, { quietWaitSeconds }, () => false, async () => (vmReadings++, vm));
    return { watch, phases, vmReadings: () => vmReadings };
  }
  const WARNING = 'the VM the engine runs in is busy at the start: other work in it kept 1.5 of its 4 cores busy; samples taken now compete with it for the CPU and are flagged in the report; stop what else runs in it (other containers of this platform)';

  for (const quietWait of [null, 60]) {
    it(`warns once, in the progress and the notes, when other work keeps the VM busy (--quiet-wait ${quietWait ?? 'off'})`, async () => {
      const { watch, phases, vmReadings } = watchOf({ share: 0.375, cores: 4, top: [], seconds: 2 }, quietWait);
      for (let round = 0; round < 3; round++) await watch.beforeRound();
      assert.equal(vmReadings(), 1, 'one probe a platform');
      assert.deepEqual(phases, [`[p] warning: ${WARNING}`]);
      assert.deepEqual(watch.notes(), [`p: ${WARNING}`]);
    });
  }
  it('says nothing when the VM is quiet, or has no reading', async () => {
    for (const vm of [{ share: 0.05, cores: 4, top: [], seconds: 2 }, null]) {
      const { watch, phases } = watchOf(vm, null);
      await watch.beforeRound();
      assert.deepEqual([phases, watch.notes()], [[], []]);
    }
  });
});
