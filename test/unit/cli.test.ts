// The command line without an engine: help, usage errors and their exit codes, schema, report.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const RUN = fileURLToPath(new URL('../recordings/runs/small-docker-linux.json', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'mountbench-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('mountbench CLI', () => {
  it('run --help teaches the strategies, timing and exit codes', async () => {
    const { code, stdout } = await runCli(['run', '--help']);
    assert.equal(code, 0);
    for (const text of ['--strategies', '--runs', '--warmup', '--image', '--fixture', '--output', '--all-platforms', 'hybrid', 'Exit codes', '--workload', 'traverse', 'watch', 'mountbench.yaml']) {
      assert.ok(stdout.includes(text), text);
    }
  });
  it('a bad flag value exits 64 with the error and that option help line', async () => {
    const { code, stderr } = await runCli(['run', '--runs', 'zero']);
    assert.equal(code, 64);
    assert.match(stderr, /argument 'zero' is invalid/);
    assert.match(stderr, /-n, --runs <n\|auto>\s+measured samples per cell/);
  });
  it('an unknown flag exits 64 and suggests the right one', async () => {
    const { code, stderr } = await runCli(['run', '--strategy', 'bind']);
    assert.equal(code, 64);
    assert.match(stderr, /unknown option '--strategy'/);
    assert.match(stderr, /Did you mean --strategies\?/);
  });
  it('an unknown strategy names the valid ones', async () => {
    const { code, stderr } = await runCli(['run', '--strategies', 'bind,rsync']);
    assert.equal(code, 64);
    assert.match(stderr, /unknown strategy rsync; choose from native, container, hybrid, bind, volume, sync/);
  });
  it('the sync options go with the sync strategy, whose engine is one of those known', async () => {
    const alone = await runCli(['run', '--sync-engine', 'unison', '--sync-ignore', 'node_modules']);
    assert.equal(alone.code, 64);
    assert.match(alone.stderr, /--sync-engine, --sync-ignore go with the sync strategy/);
    const unknown = await runCli(['run', '--strategies', 'sync', '--sync-engine', 'rsync']);
    assert.equal(unknown.code, 64);
    assert.match(unknown.stderr, /Allowed choices are auto, unison, mutagen, docker-desktop/);
  });
  it('--runs auto options go with --runs auto, which needs interleaved sampling', async () => {
    const alone = await runCli(['run', '--precision', '2%']);
    assert.equal(alone.code, 64);
    assert.match(alone.stderr, /--precision goes with --runs auto/);
    const sequential = await runCli(['run', '--runs', 'auto', '--order', 'sequential']);
    assert.equal(sequential.code, 64);
    assert.match(sequential.stderr, /needs --order interleaved/);
    const bad = await runCli(['run', '--runs', 'auto', '--max-time', 'soon']);
    assert.equal(bad.code, 64);
    assert.match(bad.stderr, /expected a duration such as 90s, 20m or 1h30m/);
  });
  it('--project needs --command, and --command needs --project', async () => {
    const alone = await runCli(['run', '--command', 'true']);
    assert.equal(alone.code, 64);
    assert.match(alone.stderr, /go with --project DIR/);
    const noCommand = await runCli(['run', '--project', '.']);
    assert.equal(noCommand.code, 64);
    assert.match(noCommand.stderr, /--project needs --command/);
    const missing = await runCli(['run', '--project', join(scratch, 'nowhere'), '--command', 'true']);
    assert.equal(missing.code, 64);
    assert.match(missing.stderr, /not a directory/);
  });
  it('an unknown workload, or a fixture a workload lacks, exits 64 and names the valid ones', async () => {
    const unknown = await runCli(['run', '--workload', 'files,fsync']);
    assert.equal(unknown.code, 64);
    assert.match(unknown.stderr, /unknown workload fsync; choose from npm-install, files, traverse, bigfile, build, git, watch or all/);
    const fixture = await runCli(['run', '--workload', 'build', '--fixture', 'medium', '--output', join(scratch, 'never')]);
    assert.equal(fixture.code, 64);
    assert.match(fixture.stderr, /the build workload has no --fixture medium \(it has: cra, small\)/);
    const both = await runCli(['run', '--workload', 'files', '--project', '.', '--command', 'true']);
    assert.equal(both.code, 64);
    assert.match(both.stderr, /--workload and --project do not go together/);
  });
  it('a mountbench.yaml with mistakes exits 64 and points at each line', async () => {
    const project = join(scratch, 'bad-config');
    mkdirSync(project);
    writeFileSync(join(project, 'mountbench.yaml'), 'command: npm ci\nruns: zero\nstrategy: [bind]\n');
    const { code, stderr } = await runCli(['run', '--project', project]);
    assert.equal(code, 64);
    assert.match(stderr, /mountbench\.yaml:2:7: runs: expected a number of samples \(1 to 10000\) or auto/);
    assert.match(stderr, /mountbench\.yaml:3:1: unknown key "strategy"/);
  });
  it('no reachable engine exits 2 with the endpoints tried and how to start them', async () => {
    const { code, stderr } = await runCli(['run', '--fixture', 'small', '--output', join(scratch, 'none')], {
      DOCKER_HOST: `unix://${join(scratch, 'no-such.sock')}`,
    });
    assert.equal(code, 2);
    assert.match(stderr, /no Docker engine answers/);
    assert.match(stderr, /no-such\.sock.*not running/);
    assert.match(stderr, /to start it:/);
  });
  it('schema prints the JSON Schema of run.json', async () => {
    const { code, stdout } = await runCli(['schema']);
    assert.equal(code, 0);
    const schema = JSON.parse(stdout);
    assert.equal(schema.type, 'object');
    assert.ok(schema.properties.cells && schema.properties.platforms && schema.properties.host);
  });
  it('report renders a saved run in each format', async () => {
    for (const [format, pattern] of [['md', /\| Test Type \|/], ['csv', /^os,platform,/], ['svg', /^<svg /], ['json', /"schemaVersion": 2/], ['samples-csv', /^platform,strategy/], ['table', /Bind mount/]] as const) {
      const { code, stdout } = await runCli(['report', RUN, '--format', format]);
      assert.equal(code, 0, format);
      assert.match(stdout, pattern, format);
    }
  });
  it('report on a file that is not a run exits 2 and says what is wrong', async () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, cells: 'no' }));
    const { code, stderr } = await runCli(['report', bad]);
    assert.equal(code, 2);
    assert.match(stderr, /is not a mountbench run document/);
    const missing = await runCli(['report', join(scratch, 'missing.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*ENOENT/);
  });
});
