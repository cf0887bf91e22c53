// `mountbench advise` on the command line, without an engine: its help, usage errors, and JSON.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { projectOf } from '../helpers/project-files.js';

const COMPOSE = { 'package.json': '{}', 'compose.yaml': 'services:\n  web:\n    volumes: [".:/app"]\n' };

describe('mountbench advise CLI', () => {
  it('--help teaches what it reads, writes and measures, with examples', async () => {
    const { code, stdout } = await runCli(['advise', '--help']);
    assert.equal(code, 0);
    for (const text of ['--project', '--write', '--verify', '--command', '--platform', '--runs', '--json', 'compose.override.yaml', 'devcontainer.json', 'merge keys', 'Examples:']) {
      assert.ok(stdout.includes(text), text);
    }
  });

  it('usage errors exit 64 before anything is written', async () => {
    assert.equal((await runCli(['advise'])).code, 64);
    const missing = await runCli(['advise', '--project', '/nonexistent/mountbench']);
    assert.equal(missing.code, 64);
    assert.match(missing.stderr, /not a directory/);
    const empty = await runCli(['advise', '--project', projectOf({ 'README.md': '' })]);
    assert.equal(empty.code, 64);
    assert.match(empty.stderr, /no compose\.yaml, docker-compose\.yml or \.devcontainer\/devcontainer\.json/);
    const dir = projectOf(COMPOSE);
    const noCommand = await runCli(['advise', '--project', dir, '--write', '--verify']);
    assert.equal(noCommand.code, 64);
    assert.match(noCommand.stderr, /--command/);
    assert.ok(!existsSync(join(dir, 'compose.override.yaml')), 'nothing written when --verify cannot run');
  });

  it('--json prints the advice as data, and --write writes the override', async () => {
    const dir = projectOf(COMPOSE);
    const { code, stdout, stderr } = await runCli(['advise', '--project', dir, '--write', '--json']);
    assert.equal(code, 0, stderr);
    const advice = JSON.parse(stdout);
    assert.equal(advice.written, true);
    assert.deepEqual(advice.compose.override.added, [{ service: 'web', volume: 'web_node_modules', target: '/app/node_modules' }]);
    assert.equal(readFileSync(join(dir, 'compose.override.yaml'), 'utf8'), advice.compose.override.text);
    assert.equal(advice.verification, null);
  });
});
