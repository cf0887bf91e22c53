// share → site, through the CLI: the recorded runs shared into a results repository's layout pass `site --check`
// and come back from the built site byte for byte (data/r/<id>.json) with a page each; a folder holding a
// duplicate, an edited result, a damaged file, a result that names its user, a run document, a newer schema or a
// result in the wrong place fails the check (exit 1), each refused with its reason. Then the results repository
// template's workflows: the commands of their `run:` steps, read from the YAML and run here as GitHub would run
// them, on a copy of the template. And `share --submit` where gh is absent or not signed in: the two commands to run.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseRunDocument } from '../../src/results/store.js';
import { shareRun } from '../../src/share/from-run.js';
import { RESULTS_DIR, resultPath } from '../../src/share/layout.js';
import { NO_IDENTITY } from '../../src/share/redact.js';
import { withId } from '../../src/share/result-id.js';
import type { SharedResult } from '../../src/share/schema.js';
import { BIN, runCli, TEST_HISTORY } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORDINGS = join(ROOT, 'test/recordings/runs');
const TEMPLATE = join(ROOT, 'templates/results-repo');
const NAMES = ['small-docker-linux', 'sync-medium-lab', 'workloads-host-and-lab'];
const scratch = mkdtempSync(join(tmpdir(), 'mountbench-site-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const shared = (name: string) => shareRun(parseRunDocument(json(join(RECORDINGS, `${name}.json`)), name), { includeProject: false, identity: NO_IDENTITY }).result;
/** A result changed after sharing, given the id of its new content (as a hand-made result would be). */
const rehash = ({ id: _id, ...content }: SharedResult) => withId(content);
const place = (dir: string, result: SharedResult, file = resultPath(result)) => {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
};

describe('share → site', () => {
  const dir = join(scratch, 'round-trip');
  const results: SharedResult[] = [];
  before(async () => {
    // The first through the CLI, as a user shares; the rest by the same code in-process (a CLI start costs seconds).
    const out = join(scratch, 'first.json');
    const cli = await runCli(['share', join(RECORDINGS, `${NAMES[0]}.json`), '--output', out]);
    assert.equal(cli.code, 0, cli.stderr);
    const first = json(out) as SharedResult;
    place(dir, first);
    results.push(first, ...NAMES.slice(1).map(shared));
    for (const r of results.slice(1)) place(dir, r);
  });

  it('the shared results pass the check a results repository runs', async () => {
    const check = await runCli(['site', dir, '--check']);
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stderr, /3 results pass, 0 refused/);
  });

  it('come back from the site as they went in, each with its page, in the index and the downloads', async () => {
    const site = join(scratch, 'site');
    const built = await runCli(['site', dir, '--output', site]);
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stderr, /wrote .*: 3 results \(0 shared from run documents\)/);
    for (const r of results) {
      assert.deepEqual(json(join(site, 'data/r', `${r.id}.json`)), r, r.id);
      assert.ok(readFileSync(join(site, 'result', `${r.id}.html`), 'utf8').includes(r.id));
    }
    const index = json(join(site, 'data/index.json')) as Array<{ id: string }>;
    assert.deepEqual(index.map((e) => e.id).sort(), results.map((r) => r.id).sort());
    const csv = readFileSync(join(site, 'data/results.csv'), 'utf8').trim().split('\n');
    assert.equal(csv.length - 1, results.reduce((n, r) => n + r.cells.length, 0), 'a row per result and cell');
    assert.ok(existsSync(join(site, 'index.html')) && existsSync(join(site, 'compare.html')));
  });

  it('builds from run documents too, sharing them on the fly, and says so', async () => {
    const runs = join(scratch, 'runs');
    mkdirSync(runs);
    cpSync(join(RECORDINGS, `${NAMES[0]}.json`), join(runs, 'run.json'));
    const built = await runCli(['site', runs, '--output', join(scratch, 'site-of-runs')]);
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stderr, /1 results \(1 shared from run documents\)/);
    assert.deepEqual(json(join(scratch, 'site-of-runs/data/r', `${results[0].id}.json`)), results[0], 'the same id as mountbench share gives');
  });
});

describe('site --check refuses, with its reasons', () => {
  const dir = join(scratch, 'refused');
  const small = () => shared(NAMES[0]);
  const cases: Array<[string, RegExp]> = [];
  before(() => {
    const good = small();
    place(dir, good);
    cases.push([place(dir, good, `copies/${good.id}.json`), /a duplicate of .* \(the same id/]);
    const edited = small();
    edited.cells[0].summary!.median *= 0.5;
    cases.push([place(dir, edited, resultPath(good).replace(good.id, 'edited')), new RegExp(`its id ${good.id} is not its hash`)]);
    const named = rehash({ ...small(), notes: ['written to /Users/alice/bench on alice-mbp.local'] });
    cases.push([place(dir, named), /not anonymous: holds 1 home path, 1 path under a home, 1 host name \(at notes\[0\]\); share the run again/]);
    const elsewhere = rehash({ ...small(), notes: ['shared twice'] });
    cases.push([place(dir, elsewhere, `orbstack/2020-01/${elsewhere.id}.json`), new RegExp(`belongs at ${resultPath(elsewhere)}`)]);
    const newer = { ...small(), schemaVersion: 2 };
    cases.push([place(dir, newer as unknown as SharedResult, 'docker-linux/newer.json'), /schema version 2: this mountbench reads version 1 \(update mountbench\)/]);
    const broken = { ...small(), cells: 'none' };
    cases.push([place(dir, broken as unknown as SharedResult, 'docker-linux/broken.json'), /cells: /]);
    mkdirSync(join(dir, 'damaged'));
    writeFileSync(join(dir, 'damaged/cut.json'), JSON.stringify(good).slice(0, 300));
    cases.push([join(dir, 'damaged/cut.json'), /not JSON: /]);
    cpSync(join(RECORDINGS, `${NAMES[0]}.json`), join(dir, 'damaged/run.json'));
    cases.push([join(dir, 'damaged/run.json'), /a run document, not a shared result: publish it with `mountbench share`/]);
  });

  it('exit 1, each bad file named once with its reason, the good one passing', async () => {
    const check = await runCli(['site', dir, '--check']);
    assert.equal(check.code, 1, check.stderr);
    const refused = check.stderr.split('\n').filter((l) => l.startsWith('refused '));
    assert.equal(refused.length, cases.length, check.stderr);
    for (const [path, reason] of cases) {
      const line = refused.find((l) => l.startsWith(`refused ${path.slice(dir.length + 1)}:`));
      assert.ok(line, `${path} not refused:\n${check.stderr}`);
      assert.match(line, reason);
    }
    assert.match(check.stderr, new RegExp(`1 result passes, ${cases.length} refused`));
  });

  it('without --check, builds from what passes and warns of the rest', async () => {
    const built = await runCli(['site', dir, '--output', join(scratch, 'site-anyway')]);
    assert.equal(built.code, 0, built.stderr);
    assert.ok(built.stderr.split('\n').some((l) => l.startsWith('skipped damaged/cut.json: not JSON')));
  });
});

/** The template's workflows, their `run:` steps with the environment they give. */
function workflowSteps(file: string): Array<{ run: string; env: Record<string, string> }> {
  const workflow = parseYaml(readFileSync(join(TEMPLATE, '.github/workflows', file), 'utf8')) as { jobs: Record<string, { steps: Array<{ run?: string; env?: Record<string, string> }> }> };
  return Object.values(workflow.jobs).flatMap((job) => job.steps.filter((s) => s.run).map((s) => ({ run: s.run!, env: s.env ?? {} })));
}

describe("the results repository template's workflows, run here", () => {
  const repo = join(scratch, 'repo');
  // The workflows run `npx mountbench@VERSION`; here, the mountbench of this checkout (MOUNTBENCH, which the
  // scripts take for that purpose), from a folder that has no node_modules of its own.
  const env = { ...process.env, NO_COLOR: '1', MOUNTBENCH_HISTORY: TEST_HISTORY, MOUNTBENCH: `${process.execPath} --import ${import.meta.resolve('tsx')} ${BIN}` };
  const run = (command: string) => spawnSync('bash', ['-c', command], { cwd: repo, env, encoding: 'utf8' });
  before(() => {
    cpSync(TEMPLATE, repo, { recursive: true });
    for (const name of NAMES) place(join(repo, RESULTS_DIR), shared(name));
  });

  it('the pull request check: its commands pass on good results and fail (exit 1) on a duplicate', () => {
    const steps = workflowSteps('check-results.yml');
    assert.deepEqual(steps.map((s) => s.run), ['bash scripts/check-results.sh results']);
    const good = run(steps[0].run);
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stderr, /3 results pass, 0 refused/);
    const first = shared(NAMES[0]);
    place(join(repo, RESULTS_DIR), first, `${resultPath(first).replace(/[^/]+$/, '')}again.json`);
    const bad = run(steps[0].run);
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stderr, /refused docker-linux\/.*\/again\.json: .*a duplicate of/);
    rmSync(join(repo, RESULTS_DIR, resultPath(first).replace(/[^/]+$/, 'again.json')));
  });

  it('the publishing workflow: check, then the site into _site, the folder Pages uploads', () => {
    const steps = workflowSteps('publish-site.yml');
    assert.deepEqual(steps.map((s) => s.run), ['bash scripts/check-results.sh results', 'bash scripts/build-site.sh _site']);
    for (const step of steps) {
      const done = run(step.run);
      assert.equal(done.status, 0, `${step.run}: ${done.stderr}`);
    }
    const upload = parseYaml(readFileSync(join(TEMPLATE, '.github/workflows/publish-site.yml'), 'utf8')).jobs.build.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-pages-artifact'));
    assert.equal(upload.with.path, '_site');
    assert.ok(existsSync(join(repo, '_site/index.html')));
    assert.equal(execFileSync('find', [join(repo, '_site/result'), '-name', '*.html'], { encoding: 'utf8' }).trim().split('\n').length, NAMES.length);
  });

  it('the check says what to do when the folder is missing (exit 2)', () => {
    const missing = run('bash scripts/check-results.sh nowhere');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no folder nowhere: results live in results\/<platform-kind>\/<yyyy-mm>\/<id>\.json/);
  });
});

describe('share --submit without a GitHub CLI that can open the pull request', () => {
  const run = join(RECORDINGS, `${NAMES[0]}.json`);
  const out = join(scratch, 'submitted.json');
  const steps = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('  '));

  it('gh absent: says so and prints the two commands (sign in, share again), and the web page to upload to', async () => {
    const bin = join(scratch, 'bin-without-gh');
    mkdirSync(bin);
    // Only node on PATH: no gh on this machine, and none found by accident.
    const result = await runCli(['share', run, '--output', out, '--submit', 'mountbench/results'], { PATH: bin });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /gh \(GitHub CLI, https:\/\/cli\.github\.com\) is not installed; to open the pull request, run these two commands:/);
    assert.deepEqual(steps(result.stderr), ['  gh auth login', `  mountbench share ${run} --output ${out} --submit mountbench/results`]);
    const id = (json(out) as SharedResult).id;
    assert.match(result.stderr, new RegExp(`add ${out} on the web at https://github.com/mountbench/results/upload/HEAD/results/docker-linux/2026-\\d\\d`));
    assert.match(result.stdout, new RegExp(`^### mountbench result \`${id}\``), 'the Markdown is printed all the same');
  });

  it('gh not signed in (its own answer to `gh auth status`): the same two commands', async () => {
    const bin = join(scratch, 'bin-gh-signed-out');
    mkdirSync(bin);
    // What gh 2.x prints and returns when no account is signed in.
    writeFileSync(join(bin, 'gh'), '#!/bin/sh\necho "You are not logged into any GitHub hosts. To log in, run: gh auth login" >&2\nexit 1\n');
    chmodSync(join(bin, 'gh'), 0o755);
    const result = await runCli(['share', run, '--output', out, '--submit', 'mountbench/results'], { PATH: bin });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /gh is not signed in to GitHub; to open the pull request, run these two commands:/);
    assert.deepEqual(steps(result.stderr), ['  gh auth login', `  mountbench share ${run} --output ${out} --submit mountbench/results`]);
  });

  it('a repository not named OWNER/REPO: a usage error that shows the form', async () => {
    const result = await runCli(['share', run, '--output', out, '--submit', 'results']);
    assert.equal(result.code, 64);
    assert.match(result.stderr, /--submit results: name the results repository as OWNER\/REPO/);
  });
});
