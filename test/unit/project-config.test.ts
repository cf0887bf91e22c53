// mountbench.yaml: the schema, and errors that point at the line and column to fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProjectConfig, ProjectConfigError } from '../../src/workloads/project-config.js';

function errorOf(text: string): string {
  try {
    parseProjectConfig(text, 'mountbench.yaml');
  } catch (error) {
    assert.ok(error instanceof ProjectConfigError);
    return error.message;
  }
  assert.fail('expected an error');
}

describe('mountbench.yaml', () => {
  it('reads every field, with deps defaulting to none', () => {
    assert.deepEqual(parseProjectConfig('command: npm ci\n', 'f'), { command: 'npm ci', deps: [] });
    assert.deepEqual(
      parseProjectConfig('command: npm run build\ndeps: [node_modules, dist]\nreset: rm -rf dist\nimage: node:22\nstrategies: [native, bind]\nruns: 3\nwarmup: 0\n', 'f'),
      { command: 'npm run build', deps: ['node_modules', 'dist'], reset: 'rm -rf dist', image: 'node:22', strategies: ['native', 'bind'], runs: 3, warmup: 0 },
    );
  });
  it('a missing command points at the start of the file', () => {
    assert.equal(errorOf('deps: [node_modules]\n'), 'mountbench.yaml:1:1: command: is required');
    assert.equal(errorOf(''), 'mountbench.yaml:1:1: command: is required');
  });
  it('a wrong value points at the value', () => {
    assert.match(errorOf('command: npm ci\nruns: 0\n'), /^mountbench\.yaml:2:7: runs: .*>=1/);
    assert.match(errorOf('command: npm ci\ndeps: node_modules\n'), /^mountbench\.yaml:2:7: deps: .*expected array/);
    assert.equal(errorOf('command: x\ndeps: [ok, a/b]\n'), 'mountbench.yaml:2:12: deps.1: must be a directory name at the top of the project');
  });
  it('an unknown strategy points at the item, an unknown key at the key', () => {
    assert.match(errorOf('command: x\nstrategies:\n  - bind\n  - rsync\n'), /^mountbench\.yaml:4:5: strategies\.1: .*"native"\|"container"\|"hybrid"\|"bind"\|"volume"\|"sync"/);
    assert.equal(errorOf('command: x\nstrategy: [bind]\n'), 'mountbench.yaml:2:1: unknown key "strategy" (known: command, deps, reset, image, strategies, runs, warmup)');
  });
  it('every mistake is reported at once', () => {
    assert.equal(errorOf('command: x\nruns: -1\nwarmup: many\n').split('\n').length, 2);
  });
  it('broken YAML says where', () => {
    assert.match(errorOf('command: [unclosed\n'), /^mountbench\.yaml:2:1: not valid YAML: /);
  });
});
