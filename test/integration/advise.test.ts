// `mountbench advise` on a real Compose project (the small fixture with a node service bind-mounting `.:/app`): the
// override it writes passes Debian's docker-compose, the service runs with node_modules in a named volume, a second
// write changes nothing, and --verify measures both layouts. Everything the test creates is labelled or named by
// its own compose project, and removed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { DEFAULT_IMAGE, OFFLINE_IMAGE } from '../../src/docker/images.js';
import { readRunDocument } from '../../src/results/store.js';
import { runCli } from '../helpers/cli.js';
import { leftovers, requireEngine } from '../helpers/engine.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/npm-install/small/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'mountbench-advise-it-'));
const project = join(scratch, 'app');
const name = `mbadvise${process.pid}`;
const LABEL = `mountbench.test=${name}`;
let docker: Docker;

function compose(...args: string[]) {
  return spawnSync('docker-compose', ['-p', name, '-f', 'compose.yaml', '-f', 'compose.override.yaml', ...args], { cwd: project, encoding: 'utf8' });
}

before(async () => {
  docker = await requireEngine();
  const images = await docker.listImages();
  const image = [DEFAULT_IMAGE, OFFLINE_IMAGE].find((ref) => images.some((i) => i.RepoTags?.includes(ref)));
  assert.ok(image, `needs ${DEFAULT_IMAGE} or ${OFFLINE_IMAGE} (npm run engine)`);
  spawnSync('mkdir', ['-p', project]);
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(FIXTURE, file), join(project, file));
  writeFileSync(
    join(project, 'compose.yaml'),
    `services:\n  node:\n    image: ${image}\n    working_dir: /app\n    network_mode: none\n    labels: ["${LABEL}"]\n    volumes:\n      - .:/app\n`,
  );
});

after(() => {
  compose('down', '--volumes', '--remove-orphans');
  rmSync(scratch, { recursive: true, force: true });
});

describe('mountbench advise on a real Compose project', () => {
  it('--write writes an override that docker-compose accepts and runs with node_modules in a named volume', async () => {
    const before = readFileSync(join(project, 'compose.yaml'), 'utf8');
    const advised = await runCli(['advise', '--project', project, '--write']);
    assert.equal(advised.code, 0, advised.stderr);
    assert.match(advised.stdout, /node_modules\s+→ volume node_node_modules at \/app\/node_modules/);
    assert.match(advised.stdout, /wrote .*compose\.override\.yaml/);
    assert.equal(readFileSync(join(project, 'compose.yaml'), 'utf8'), before, 'the user\'s compose file is untouched');

    const config = compose('config');
    assert.equal(config.status, 0, config.stderr);
    assert.match(config.stdout, /source: node_node_modules\n\s+target: \/app\/node_modules\n\s+type: volume/);
    assert.match(config.stdout, /^volumes:\n\s+node_node_modules: \{\}/m);

    const run = compose('run', '--rm', '-T', 'node', 'sh', '-c', 'test -d /app/node_modules && grep " /app/node_modules " /proc/self/mountinfo');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, / \/app\/node_modules /, 'node_modules is a mount of its own inside the container');
    const volumes = await docker.listVolumes({ filters: JSON.stringify({ label: [`com.docker.compose.project=${name}`] }) });
    assert.deepEqual(volumes.Volumes?.map((v) => v.Name), [`${name}_node_node_modules`]);
  });

  it('a second --write changes nothing', async () => {
    const override = readFileSync(join(project, 'compose.override.yaml'), 'utf8');
    const again = await runCli(['advise', '--project', project, '--write']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /nothing to add, it has every advised volume/);
    assert.equal(readFileSync(join(project, 'compose.override.yaml'), 'utf8'), override);
  });

  it('--verify times the project\'s command under the current and the advised layout, and cleans up', async () => {
    const out = join(scratch, 'verify');
    // With the override written, node_modules is covered: the advised layout still names it for the measurement.
    const { code, stdout, stderr } = await runCli(['advise', '--project', project, '--verify', '--command', 'npm ci', '--runs', '1', '--output', out, '--json']);
    assert.equal(code, 0, stderr);
    const result = JSON.parse(stdout);
    assert.deepEqual(result.verification.dirs, { deps: ['node_modules'], left: [] });
    assert.ok(result.verification.gain.ratio > 0);
    assert.equal(result.verification.gain.verdict, 'too few samples');
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(doc.cells.map((c) => c.strategy), ['native', 'bind', 'hybrid', 'volume']);
    assert.deepEqual(doc.cells.find((c) => c.strategy === 'hybrid')!.mounts.map((m) => m.target), ['/mountbench/project', '/mountbench/project/node_modules']);
    assert.equal(await leftovers(docker, doc.id), 0);
  });
});
