// Every built-in workload under every strategy on the real host engine, at small sizes: each measure becomes a cell
// in its own unit, nothing is left behind. And the user's project: from its mountbench.yaml, and an npm project that
// runs offline from a cache primed from its lockfile.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { readRunDocument } from '../../src/results/store.js';
import { fixturePath } from '../../src/workloads/npm-install.js';
import { runCli } from '../helpers/cli.js';
import { leftovers, requireEngine } from '../helpers/engine.js';
import { cellOf, EXPECTED_MEASURES, SMALL_SIZES } from '../helpers/workloads.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-workloads-'));
let docker: Docker;
before(async () => {
  docker = await requireEngine();
});
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('built-in workloads on the host engine', () => {
  it('runs every workload under every strategy, each measure in its unit, and cleans up', async () => {
    const out = join(scratch, 'all');
    const { code, stderr, stdout } = await runCli(['run', '--workload', 'all', ...SMALL_SIZES, '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain']);
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(doc.settings.workloads, Object.keys(EXPECTED_MEASURES));
    assert.deepEqual(doc.settings.sizes, { files: 200, fileBytes: 1024, bigfileMb: 4, events: 5 });
    for (const [workload, measures] of Object.entries(EXPECTED_MEASURES)) {
      for (const strategy of ['native', 'container', 'hybrid', 'bind', 'volume']) {
        const hostSide = !['container', 'volume'].includes(strategy);
        for (const [measure, unit] of Object.entries(measures)) {
          const cell = cellOf(doc, workload, measure, strategy);
          assert.equal(cell.status, 'ok', `${cell.id}: ${cell.reason}`);
          assert.equal(cell.metric.unit, unit, cell.id);
          // Files written in the sandbox reach the host only where the project has a host side.
          if (measure.startsWith('to-host') && !hostSide) {
            assert.equal(cell.summary, null, cell.id);
            continue;
          }
          assert.equal(cell.summary?.n, 1, cell.id);
          // Through a local bind mount the host sees a file before the writer's line comes back: 0 ms.
          if (!measure.includes('missed')) assert.ok(cell.summary!.median >= (measure.startsWith('to-host') ? 0 : Number.MIN_VALUE), `${cell.id} ${cell.summary!.median}`);
        }
        // Bind mounts here are local: every event reaches the watcher, and the host.
        assert.equal(cellOf(doc, 'watch', 'missed', strategy).summary!.median, 0);
        if (hostSide) assert.equal(cellOf(doc, 'watch', 'to-host missed', strategy).summary!.median, 0);
      }
    }
    // Like with like: watch events are written on the host where the project has a host side, inside the sandbox
    // otherwise; only figures taken the same way as native's get a ratio.
    for (const strategy of ['native', 'hybrid', 'bind']) assert.equal(cellOf(doc, 'watch', 'p50', strategy).method, 'written on the host');
    for (const strategy of ['hybrid', 'bind']) assert.ok(cellOf(doc, 'watch', 'p50', strategy).ratioToNative, strategy);
    for (const strategy of ['container', 'volume']) {
      const cell = cellOf(doc, 'watch', 'p50', strategy);
      assert.equal(cell.method, 'written inside the sandbox');
      assert.equal(cell.ratioToNative, null, `${strategy}: no ratio across methods`);
      assert.match(cell.notes.join(' '), /not compared with native/);
    }
    // As root on Linux the engine shares the host's kernel, whose caches can be dropped: cold passes are cold, and
    // their notes say where the caches were dropped.
    if (process.getuid?.() === 0) {
      for (const cell of doc.cells.filter((c) => c.workload === 'traverse' || c.workload === 'bigfile')) {
        const coldStep = ({ cold: 'cold', read: 'read', 'read time': 'read' } as Record<string, string>)[cell.measure];
        const where = cell.strategy === 'native' ? "the host's kernel" : "the host's kernel, which the engine shares";
        assert.deepEqual(cell.notes, coldStep ? [`${coldStep} pass: caches dropped in ${where}`] : [], cell.id);
      }
    }
    // The hybrid strategy puts the files tree and the build's node_modules in volumes.
    assert.deepEqual(cellOf(doc, 'files', 'create', 'hybrid').mounts.map((m) => m.target), ['/mountbench/project', '/mountbench/project/node_modules']);
    const md = readFileSync(join(out, 'results.md'), 'utf8');
    assert.match(md, /## bigfile write: throughput \(MB\/s\), higher is better/);
    assert.match(md, /\| OS \| Platform \| Test Type \| Average \(MB\/s\) \| Range \(MB\/s\) \|/);
    assert.match(md, /## watch p95: latency \(ms\), lower is better/);
    assert.match(stdout, /traverse cold · time \(s\), lower is better/);
    assert.ok(!existsSync(join(out, '.work')), 'generated files go with the work directory');
    assert.equal(await leftovers(docker, doc.id), 0);
  });

  it('--project reads the project mountbench.yaml; flags on the command line win over it; file sharing is recorded without bind', async () => {
    const project = join(scratch, 'configured');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'src', 'a.js'), 'x\n');
    writeFileSync(join(project, 'mountbench.yaml'), 'command: test -f src/a.js && mkdir -p out && sleep 0.05\ndeps: [out]\nstrategies: [container, hybrid]\nruns: 3\nwarmup: 0\n');
    const out = join(scratch, 'configured-run');
    const { code, stderr } = await runCli(['run', '--project', project, '--runs', '2', '--output', out, '--progress', 'plain']);
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(doc.settings.strategies, ['container', 'hybrid']);
    assert.equal(doc.settings.runs, 2, '--runs on the command line wins');
    assert.equal(doc.settings.warmup, 0, 'warmup from the file');
    for (const cell of doc.cells) assert.equal(cell.status, 'ok', `${cell.id}: ${cell.reason}`);
    const hybrid = cellOf(doc, 'project', 'time', 'hybrid');
    assert.deepEqual(hybrid.mounts.map((m) => m.target), ['/mountbench/project', '/mountbench/project/out']);
    // No bind cell, yet the platform's file sharing is known: a probe container reads it at the start.
    assert.equal(doc.platforms[0].identity?.fileSharing?.fstype, hybrid.mounts[0].fstype);
    assert.ok(!existsSync(join(project, 'out')), 'the project is never modified');
    assert.equal(await leftovers(docker, doc.id), 0);
  });

  it('--project with a package-lock.json runs npm ci offline from a cache the host npm primed, under every strategy', async () => {
    const project = npmProject('npm-project');
    const out = join(scratch, 'npm-project-run');
    const args = ['run', '--project', project, '--command', 'npm ci', '--deps', 'node_modules', '--runs', '1', '--warmup', '0'];
    const { code, stderr } = await runCli([...args, '--output', out, '--progress', 'plain']);
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.equal(doc.settings.online, false);
    assert.deepEqual(doc.cells.map((c) => c.strategy), ['native', 'container', 'hybrid', 'bind', 'volume']);
    for (const cell of doc.cells) {
      assert.equal(cell.status, 'ok', `${cell.strategy}: ${cell.reason}`);
      assert.ok(cell.summary!.median > 0, `${cell.strategy} median ${cell.summary?.median}`);
    }
    assert.deepEqual(doc.priming.filter((p) => p.platform === 'host').map((p) => [p.workload, p.how]), [['project', 'host npm']]);
    assert.ok(!existsSync(join(project, 'node_modules')), 'the project is never modified');
    assert.equal(await leftovers(docker, doc.id), 0);
  });

  it('--project whose command needs a package the cache lacks fails within seconds, saying to pass --online', async () => {
    const project = npmProject('npm-project-missing');
    const out = join(scratch, 'npm-project-missing-run');
    const args = ['run', '--project', project, '--command', 'npm install --no-save left-pad@1.3.0', '--strategies', 'native,container'];
    const { code, stderr } = await runCli([...args, '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain']);
    assert.notEqual(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    for (const cell of doc.cells) {
      assert.equal(cell.status, 'failed', cell.strategy);
      assert.match(cell.reason!, /^sample 1 needed the network \(npm (ERR!|error) code ENOTCACHED\), but samples run offline from a primed cache: pass --online/);
      assert.ok(cell.samples[0].wallSeconds! < 20, `${cell.strategy} failed at once, not after npm's retries: ${cell.samples[0].wallSeconds} s`);
    }
    assert.equal(await leftovers(docker, doc.id), 0);
  });
});

/** A project made of the small fixture's manifest and lockfile. */
function npmProject(name: string): string {
  const project = join(scratch, name);
  mkdirSync(project);
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(fixturePath('small'), file), join(project, file));
  return project;
}
