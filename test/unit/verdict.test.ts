// The plain-words verdict per platform, on the recordings (two samples a cell: every ratio rough) and on the small
// recording given seven samples a cell around chosen medians, where every ratio has an interval.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verdicts } from '../../src/report/verdict.js';
import type { RunDocument } from '../../src/model/run-document.js';
import { viewOf } from '../../src/results/view.js';
import { summariseCells } from '../../src/stats/summarise-cells.js';
import { recording, withSamples } from '../helpers/seven-samples.js';

/** The verdict of each platform, by its name. */
function verdictsOf(doc: RunDocument): Record<string, string> {
  return Object.fromEntries(verdicts(viewOf([doc])).map((v) => [v.platform.record.name, v.text]));
}

describe('verdicts on the recordings', () => {
  const lab = verdictsOf(recording('workloads-host-and-lab.json'));
  it('the sshfs lab: hot reload misses every event written on the host through the bind mount', () => {
    assert.match(lab['mountbench-lab'], /Bind mounts here go through sshfs \(fuse\.sshfs\)\./);
    assert.match(lab['mountbench-lab'], /Hot reload misses every event written on the host through a bind mount and the hybrid \(watch missed 100%\)\./);
  });
  it('the host engine: every event arrived, and nothing says any was missed', () => {
    assert.doesNotMatch(lab.default, /misses/);
    assert.match(lab.default, /Every event written on the host reached the watcher through a bind mount and the hybrid \(watch missed 0%\)\./);
  });
  it('names each test, says "roughly" without an interval, and says why once', () => {
    assert.match(lab['mountbench-lab'], /A bind mount is slower than native in files create \(roughly 7\.1x\), files stat \(roughly 26x\), files read \(roughly 49x\)/);
    assert.match(lab['mountbench-lab'], /The hybrid \(bind mount \+ volume\) seems to recover all of it in files create; most of it in files stat/);
    assert.match(lab['mountbench-lab'], /none of it in bigfile write, bigfile read/);
    assert.equal(lab['mountbench-lab'].match(/too few samples for an interval \(2 per cell; a ratio needs 7 each\)/g)?.length, 1);
    assert.doesNotMatch(lab['mountbench-lab'], /about|within the noise/, 'no claim an interval would have to back');
  });
  it('one test is said in one sentence, its strategies in turn', () => {
    const [text] = Object.values(verdictsOf(recording('small-docker-linux.json')));
    assert.match(text, /^Bind mounts here are the local file system \(ext4\)\. npm-install: a bind mount is roughly 1\.15x faster than native; the hybrid/);
    assert.match(text, /a named volume is roughly as fast as native \(0\.99x\)\. “Roughly”: too few samples for an interval/);
  });
});

describe('verdicts with intervals', () => {
  it('say "about", with the interval rounded outwards, and how much of the loss the hybrid recovers', () => {
    const [text] = Object.values(verdictsOf(withSamples({ native: 10, container: 8, hybrid: 12, bind: 20, volume: 10.05 })));
    // In step, every round's ratio is the medians' ratio: the paired interval is that point (bind: 20/10).
    assert.match(text, /npm-install: a bind mount is about 2\.0x slower than native \(2\.00–2\.00\)/);
    assert.match(text, /the hybrid \(bind mount \+ volume\) recovers most of it: about 1\.20x slower than native \(1\.20–1\.20\)/);
    assert.match(text, /the container's own layer \(no volumes\) is about 1\.25x faster than native \(1\.25–1\.25\)/);
    // 1.005x with its interval inside 1 ± 10%: the run's verdict is "the same", and the paragraph says so.
    assert.match(text, /a named volume is no slower than native within ±10% \(1\.00–1\.01\)\./);
    assert.doesNotMatch(text, /roughly/i);
  });
  it('say "undecided" where the interval straddles 1 ± margin, with the samples it had, and claim no recovery', () => {
    const [text] = Object.values(verdictsOf(withSamples({ native: 10, container: 10, hybrid: 11, bind: 20, volume: 10 }, 'shuffled')));
    assert.match(text, /the hybrid \(bind mount \+ volume\) recovers nothing clearly: undecided against native after 7 samples \(1\.\d\d–1\.\d\d\)/);
  });
  it('claim no recovery where the hybrid\'s interval overlaps the bind mount\'s', () => {
    const [text] = Object.values(verdictsOf(withSamples({ native: 10, container: 10, hybrid: 19.5, bind: 20, volume: 10 }, 'shuffled')));
    assert.match(text, /the hybrid \(bind mount \+ volume\) recovers nothing clearly: about 1\.96x slower than native \(1\.89–2\.03\)/);
  });
  it('say which cells were cut short, and a platform that never ran says why', () => {
    const doc = withSamples({ native: 10, container: 10, hybrid: 10, bind: 20, volume: 10 });
    Object.assign(doc.cells.find((c) => c.strategy === 'volume')!, { status: 'failed', reason: 'exit 1' });
    doc.platforms.push({ ...doc.platforms[0], name: 'gone', identity: null, image: null, error: 'Cannot connect to the Docker daemon' });
    const texts = verdictsOf(doc);
    assert.match(texts.default, /Not measured to the end: Volume in npm-install failed \(see Notes\)\./);
    assert.equal(texts.gone, 'Not measured: Cannot connect to the Docker daemon.');
  });
});

describe('the verdict on cost', () => {
  /** Seven samples per cell around the medians, each with a host CPU and a sharing-layer CPU per sample. */
  function withCost(medians: Record<string, number>, hostCpu: Record<string, number>, sharingCpu: Record<string, number>): RunDocument {
    const doc = withSamples(medians);
    const cost = { commandCpuSeconds: null, containerCpuSeconds: null, containerUserSeconds: null, containerSystemSeconds: null, peakMemoryBytes: null, readBytes: null, writeBytes: null, energyJoules: null };
    const cells = doc.cells.map((c) => ({
      ...c,
      samples: c.samples.map((s) => ({ ...s, cost: { ...cost, hostCpuSeconds: hostCpu[c.strategy], sharingCpuSeconds: sharingCpu[c.strategy] } })),
    }));
    return { ...doc, cells: summariseCells(cells) };
  }
  it('says plainly when a strategy is about as fast as native but burns far more CPU, and what the share cost', () => {
    const doc = withCost(
      { native: 10, container: 10, hybrid: 10.5, bind: 11, volume: 10 },
      { native: 8, container: 8, hybrid: 9, bind: 16, volume: 8 },
      { native: 0, container: 0, hybrid: 1, bind: 6, volume: 0 },
    );
    const text = verdictsOf(doc).default;
    assert.match(text, /A bind mount costs more than its time shows in npm-install: within 15% of native's time \(1\.10x\), the host burns 2\.0x native's CPU for it\./);
    assert.doesNotMatch(text, /hybrid[^.]*burns/);
    assert.match(text, /The processes serving the bind mounts spent 1\.0 s for the hybrid \(bind mount \+ volume\) in npm-install and 6\.0 s for a bind mount in npm-install of CPU per sample, on top of the container's\./);
  });
  it('says nothing of cost when the run did not measure it', () => {
    assert.doesNotMatch(verdictsOf(withSamples({ native: 10, container: 10, hybrid: 10, bind: 11, volume: 10 })).default, /CPU/);
  });
});
