// What the advice is said to be worth, and when the remedies beyond volumes are offered: from this machine's
// history (real run documents of the host engine and the sshfs lab), else the articles' published figures.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { adviseProject } from '../../src/advise/advice.js';
import { installEffect, publishedEffects, sourceWork, watchMisses } from '../../src/advise/evidence.js';
import { renderAdvice } from '../../src/advise/render.js';
import { syncNote } from '../../src/advise/source-work.js';
import { historyEntry, type HistoryEntry } from '../../src/results/history.js';
import { readPublished } from '../../src/results/published.js';
import { readRunDocument } from '../../src/results/store.js';
import { projectOf } from '../helpers/project-files.js';

const RUNS = fileURLToPath(new URL('../recordings/runs/', import.meta.url));

async function entryOf(name: string, changes: Partial<HistoryEntry> = {}): Promise<HistoryEntry> {
  const file = join(RUNS, `${name}.json`);
  return { ...historyEntry(await readRunDocument(file), file), ...changes };
}

describe('advise: evidence', () => {
  it('the install effect is the latest run on the platform, this project\'s own first', async () => {
    const small = await entryOf('small-docker-linux');
    const ratio = (e: HistoryEntry, s: string) => e.ratios.find((r) => r.strategy === s && r.workload === 'npm-install')!.ratio!;
    const effect = installEffect([small], 'default', 'app')!;
    assert.equal(effect.run, small.id);
    assert.equal(effect.test, 'npm-install, fixture small');
    assert.equal(effect.hybridToBind, ratio(small, 'hybrid') / ratio(small, 'bind'));
    // A later run of another fixture wins over an older one, and a run of this project over both.
    const later = { ...small, id: 'later', startedAt: '2030-01-01T00:00:00.000Z' };
    const own = {
      ...small,
      id: 'own',
      fixture: 'project app',
      ratios: small.ratios.map((r) => ({ ...r, workload: 'project' })),
    };
    assert.equal(installEffect([small, later], 'default', 'app')?.run, 'later');
    assert.equal(installEffect([own, later], 'default', 'app')?.run, 'own');
    assert.equal(installEffect([{ ...own, fixture: 'project other' }], 'default', 'app'), null, 'another project\'s command may time anything');
    assert.equal(installEffect([small], 'mountbench-lab', 'app'), null, 'another platform');
  });

  it('published effects are computed from the articles\' figures', () => {
    const effects = publishedEffects(readPublished());
    const lima = effects.find((e) => e.platform.startsWith('Lima'))!;
    assert.equal(lima.source, 'mainardi-2025');
    assert.ok(Math.abs(lima.hybridToBind - 3.96 / 8.99) < 1e-12);
    assert.ok(Math.abs(lima.bindToNative - 8.99 / 3.38) < 1e-12);
    assert.equal(effects.length, 8);
  });

  it('watch misses and slow source work come from the platform\'s latest run of them', async () => {
    const workloads = await entryOf('workloads-host-and-lab');
    assert.equal((await watchMisses([workloads], 'mountbench-lab'))?.missed, 100);
    assert.equal((await watchMisses([workloads], 'default'))?.missed, 0);
    assert.equal(await watchMisses([{ ...workloads, runFile: '/nonexistent/run.json' }], 'default'), null, 'a run whose file is gone says nothing');
    const lab = sourceWork([workloads], 'mountbench-lab')!;
    assert.deepEqual(lab.ratios.map((r) => r.test), ['traverse cold', 'traverse warm']);
    assert.deepEqual(lab.ratios.map((r) => r.synced), [null, null], 'that run did not measure sync');
    assert.equal(lab.fileSharing, 'sshfs');
  });

  it('the sync option quotes the same run\'s sync ratios where it measured them', async () => {
    const workloads = await entryOf('workloads-host-and-lab');
    const traverse = workloads.ratios.filter((r) => r.platform === 'mountbench-lab' && r.workload === 'traverse' && r.strategy === 'bind');
    const synced = { ...workloads, ratios: [...workloads.ratios, ...traverse.map((r) => ({ ...r, strategy: 'sync', ratio: r.measure === 'cold' ? 1.1 : 0.97 }))] };
    const lab = sourceWork([synced], 'mountbench-lab')!;
    assert.deepEqual(lab.ratios.map((r) => r.synced), [1.1, 0.97]);
    assert.match(syncNote(lab), /: traverse cold 1\.10x, traverse warm 0\.97x native under sync in the same run$/);
  });
});

describe('advise: what is offered', () => {
  const compose = { 'package.json': '{"dependencies":{"vite":"5"}}', 'compose.yaml': 'services:\n  web:\n    volumes: [".:/app"]\n' };

  it('through sshfs: polling for the project\'s own watcher, and a sync or a platform setting', async () => {
    const history = [await entryOf('workloads-host-and-lab')];
    const advice = await adviseProject(projectOf(compose), { platform: 'mountbench-lab', history, published: readPublished() });
    assert.deepEqual(advice.watch.switches.map((s) => s.tool), ['Vite']);
    assert.equal(advice.sourceWork?.slow, true);
    assert.match(advice.sourceWork!.sync, /mountbench run --strategies native,bind,sync --workload traverse measures it/, 'not measured under sync: the command that measures it');
    // Colours are on under CI (picocolors follows CI=true); the words are what matter here.
    const text = stripVTControlCharacters(renderAdvice(advice, { write: false, written: false }));
    assert.match(text, /100% of the files written on the host never reached a watcher/);
    assert.match(text, /server: \{ watch: \{ usePolling: true \} \}/);
    assert.match(text, /not written: run again with --write/);
    assert.match(text, /where a bind mount was slow \(4 platforms, bind 2\.53–5\.15x native\): the advised layout took 0\.36–0\.44x of its time/);
  });

  it('on the host engine: no polling, nothing to do about the sources, and the small gain said plainly', async () => {
    const history = [await entryOf('workloads-host-and-lab'), await entryOf('small-docker-linux')];
    const advice = await adviseProject(projectOf(compose), { platform: 'default', history, published: readPublished() });
    assert.deepEqual(advice.watch.switches, []);
    assert.equal(advice.sourceWork?.slow, false);
    const text = stripVTControlCharacters(renderAdvice(advice, { write: true, written: true }));
    assert.match(text, /this machine: bind mount 0\.\d\dx native, bind mount \+ volume 0\.\d\dx \(default: npm-install, fixture small, run 20261123-135136-ca2a\)/);
    assert.match(text, /bind mounts are not slow on default: the advice gains little here/);
    assert.match(text, /no polling needed/);
    assert.match(text, /wrote .*compose\.override\.yaml/);
  });
});
