// Samples taken while other work kept the host busy are flagged in every report, one line per platform; runs that
// did not measure the load (every recording made before it) and runs with no busy sample show nothing of it. The
// loads below are set by the test on a real run document (test/recordings/runs/small-docker-linux.json, recorded on
// this project's CI machine: 2 cores, 5 strategies, 1 warm-up and 2 measured samples each).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import type { RunDocument } from '../../src/model/run-document.js';
import { RunDocument as RunDocumentSchema } from '../../src/model/run-document.js';
import { renderHtml } from '../../src/report/html.js';
import { busySampleLines } from '../../src/report/load.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { sectionsOf } from '../../src/report/sections/index.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { parseRunDocument } from '../../src/results/store.js';
import { viewOf } from '../../src/results/view.js';

const recording = (name: string) => parseRunDocument(JSON.parse(readFileSync(new URL(`../recordings/runs/${name}`, import.meta.url), 'utf8')), name);
const old = recording('small-docker-linux.json');

/** The recording with each sample's other load given by `load(strategy, index)` (undefined: the field left out). */
function withLoads(load: (strategy: string, index: number) => number | null | undefined): RunDocument {
  const doc = structuredClone(old);
  for (const cell of doc.cells) {
    for (const sample of cell.samples) {
      const share = load(cell.strategy, sample.index);
      if (share !== undefined) sample.otherLoad = share;
    }
  }
  return doc;
}

const BUSY = {
  bind: [0.9, 0.45, 0.2],
  volume: [0, 0.3, 0.05],
} as Record<string, number[]>;
// The warm-up of bind (index 0) is busiest but not summarised, so not counted; native's second sample is unknown.
const busy = withLoads((strategy, index) => (strategy === 'native' && index === 2 ? null : (BUSY[strategy]?.[index] ?? 0.02)));
const LINE = '3 of 9 samples were taken while other work kept the host busy (up to 0.9 of 2 cores): bind ×2, volume ×1';

describe('the machine-load flag in the reports', () => {
  it('counts the measured samples above a tenth of the cores, per strategy, with the highest load', () => {
    assert.deepEqual(busySampleLines(viewOf([busy])), [LINE]);
  });
  it('shows the line in the terminal, results.md and report.html', () => {
    const view = viewOf([busy]);
    assert.ok(stripVTControlCharacters(renderTerminal(view)).includes(`  ${LINE}\n`));
    const md = renderMarkdown(view);
    assert.match(md, /\n## Machine load\n\nOther work \(the host's busy CPU less the sample's/);
    assert.ok(md.includes(`\n- ${LINE}\n`), 'a list item of results.md');
    assert.ok(md.indexOf('## Notes') < md.indexOf('## Machine load'));
    const html = renderHtml(view);
    assert.match(html, /<section id="load"/);
    assert.ok(html.includes(`<li>${LINE}</li>`));
  });
  it('says "was" of a single busy sample', () => {
    const one = withLoads((strategy, index) => (strategy === 'hybrid' && index === 1 ? 0.5 : 0));
    assert.deepEqual(busySampleLines(viewOf([one])), ['1 of 10 samples was taken while other work kept the host busy (up to 1.0 of 2 cores): hybrid ×1']);
  });
  it('names each platform when the view has several', () => {
    const second = { ...structuredClone(busy), id: 'second-run' };
    const lines = busySampleLines(viewOf([busy, second]));
    assert.equal(lines.length, 2);
    for (const line of lines) assert.match(line, /^.+: 3 of 9 samples were taken/);
    assert.notEqual(lines[0], lines[1], 'each led by its own platform title');
  });
  it('shows nothing when no sample was busy', () => {
    const quiet = withLoads(() => 0.1);
    const view = viewOf([quiet]);
    assert.deepEqual(busySampleLines(view), []);
    assert.ok(!sectionsOf(view).some((s) => s.id === 'load'));
    assert.ok(!renderMarkdown(view).includes('Machine load'));
    assert.equal(renderTerminal(view), renderTerminal(viewOf([old])));
  });
  it('shows nothing for a run recorded before the load was measured, and reads it unchanged', () => {
    const samples = old.cells.flatMap((c) => c.samples);
    assert.ok(samples.length > 0);
    assert.ok(samples.every((s) => !('otherLoad' in s)), 'the recording has no otherLoad');
    assert.deepEqual(busySampleLines(viewOf([old])), []);
    assert.ok(!sectionsOf(viewOf([old])).some((s) => s.id === 'load'));
  });
});

describe('the VM\'s load in the reports', () => {
  /** The recording as if its engine ran in a VM of 4 CPUs, each sample's VM load given by `load(strategy, index)`. */
  function withVmLoads(load: (strategy: string, index: number) => number | null | undefined): RunDocument {
    const doc = withLoads(() => 0);
    doc.platforms[0].identity!.engine.cpus = 4;
    for (const cell of doc.cells) {
      for (const sample of cell.samples) {
        const share = load(cell.strategy, sample.index);
        if (share !== undefined) sample.vmOtherLoad = share;
      }
    }
    return doc;
  }
  it('flags the samples above a tenth of the VM\'s cores, saying it was the VM and counting its own cores', () => {
    const doc = withVmLoads((strategy, index) => (strategy === 'bind' ? [0.9, 0.375, 0.02][index] : strategy === 'hybrid' && index === 2 ? 0.2 : 0));
    assert.deepEqual(busySampleLines(viewOf([doc])), ['2 of 10 samples were taken while other work kept the VM busy (up to 1.5 of its 4 cores): hybrid ×1, bind ×1']);
    const md = renderMarkdown(viewOf([doc]));
    assert.match(md, /\n## Machine load\n\nOther work .*on a VM platform also the VM's own busy CPU, read inside it/);
  });
  it('gives the host and the VM a line each, the host first, when both were busy', () => {
    const doc = withVmLoads((strategy, index) => (strategy === 'volume' && index === 1 ? 0.5 : 0));
    for (const cell of doc.cells) for (const sample of cell.samples) if (cell.strategy === 'bind' && sample.index === 2) sample.otherLoad = 0.25;
    assert.deepEqual(busySampleLines(viewOf([doc])), [
      '1 of 10 samples was taken while other work kept the host busy (up to 0.5 of 2 cores): bind ×1',
      '1 of 10 samples was taken while other work kept the VM busy (up to 2.0 of its 4 cores): volume ×1',
    ]);
  });
  it('shows nothing of the VM when its load was not measured or quiet', () => {
    assert.deepEqual(busySampleLines(viewOf([withVmLoads(() => undefined)])), []);
    assert.deepEqual(busySampleLines(viewOf([withVmLoads((_, index) => (index === 1 ? null : 0.1))])), []);
  });
});

describe('the sample\'s otherLoad field', () => {
  it('is optional and nullable, a share between 0 and 1', () => {
    const sample = old.cells[0].samples[1];
    const doc = (otherLoad: unknown) => ({ ...old, cells: [{ ...old.cells[0], samples: [{ ...sample, otherLoad }] }] });
    assert.equal(RunDocumentSchema.parse(doc(0.25)).cells[0].samples[0].otherLoad, 0.25);
    assert.equal(RunDocumentSchema.parse(doc(null)).cells[0].samples[0].otherLoad, null);
    assert.ok(!('otherLoad' in RunDocumentSchema.parse(old).cells[0].samples[0]));
    assert.throws(() => RunDocumentSchema.parse(doc(1.5)));
    assert.throws(() => RunDocumentSchema.parse(doc(-0.1)));
  });
  it('has a sibling vmOtherLoad, optional and nullable, a share between 0 and 1', () => {
    const sample = old.cells[0].samples[1];
    const doc = (vmOtherLoad: unknown) => ({ ...old, cells: [{ ...old.cells[0], samples: [{ ...sample, otherLoad: 0, vmOtherLoad }] }] });
    assert.equal(RunDocumentSchema.parse(doc(0.75)).cells[0].samples[0].vmOtherLoad, 0.75);
    assert.equal(RunDocumentSchema.parse(doc(null)).cells[0].samples[0].vmOtherLoad, null);
    assert.ok(!('vmOtherLoad' in RunDocumentSchema.parse(old).cells[0].samples[0]));
    assert.throws(() => RunDocumentSchema.parse(doc(1.01)));
  });
});
