// The written override: exactly the advised volumes, in a new file or merged into the existing one with its
// comments, order and look kept; writing twice changes nothing; the user's compose file is never touched.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { findComposeProject } from '../../src/advise/compose-files.js';
import { composeLayout } from '../../src/advise/layout.js';
import { planOverride, type OverridePlan } from '../../src/advise/override.js';
import { projectOf } from '../helpers/project-files.js';

const NODE = { 'package.json': '{}' };

/** Plan and write as `advise --write` does. */
function write(dir: string): OverridePlan {
  const project = findComposeProject(dir)!;
  const plan = planOverride(project, composeLayout(project, dir).mounts);
  if (plan.added.length > 0) writeFileSync(plan.file, plan.text);
  return plan;
}

describe('advise --write: the compose override', () => {
  it('writes a new compose.override.yaml with the volumes in long syntax, declared at the top level', () => {
    const compose = 'services:\n  web:\n    image: node:22\n    volumes:\n      - .:/app\n  worker:\n    volumes: [".:/app"]\n';
    const dir = projectOf({ ...NODE, 'docker-compose.yml': compose });
    const plan = write(dir);
    assert.equal(plan.file, join(dir, 'compose.override.yaml'));
    assert.equal(plan.exists, false);
    const text = readFileSync(plan.file, 'utf8');
    assert.match(text, /^# Written by `mountbench advise`/);
    assert.deepEqual(parse(text), {
      services: {
        web: { volumes: [{ type: 'volume', source: 'web_node_modules', target: '/app/node_modules' }] },
        worker: { volumes: [{ type: 'volume', source: 'worker_node_modules', target: '/app/node_modules' }] },
      },
      volumes: { web_node_modules: {}, worker_node_modules: {} },
    });
    assert.equal(readFileSync(join(dir, 'docker-compose.yml'), 'utf8'), compose, 'the user\'s compose file is byte-identical');
  });

  it('is idempotent: a second write adds nothing and leaves the file byte-identical', () => {
    const dir = projectOf({ ...NODE, 'compose.yaml': 'services:\n  web:\n    volumes: [".:/app"]\n' });
    const first = write(dir);
    const after = readFileSync(first.file, 'utf8');
    const second = write(dir);
    assert.deepEqual(second.added, []);
    assert.equal(second.text, after);
    assert.equal(readFileSync(first.file, 'utf8'), after);
  });

  it('merges into an existing override, keeping its comments, order and quotes', () => {
    const existing = [
      '# Local development: not for CI.',
      'services:',
      '  web:',
      '    # the dev server',
      '    ports: ["3000:3000"]',
      '    environment:',
      '      DEBUG: "1" # verbose',
      '    volumes:',
      '      - ./tmp:/tmp/dev',
      '  api:',
      "    command: 'npm run dev'",
      '',
      'volumes:',
      '  cache: {}',
      '',
    ].join('\n');
    const compose = 'services:\n  web:\n    volumes: [".:/app:cached"]\n  api:\n    volumes: [".:/srv"]\n';
    const dir = projectOf({ ...NODE, 'compose.yaml': compose, 'compose.override.yml': existing });
    const plan = write(dir);
    assert.equal(plan.file, join(dir, 'compose.override.yml'));
    assert.equal(
      readFileSync(plan.file, 'utf8'),
      [
        '# Local development: not for CI.',
        'services:',
        '  web:',
        '    # the dev server',
        '    ports: ["3000:3000"]',
        '    environment:',
        '      DEBUG: "1" # verbose',
        '    volumes:',
        '      - ./tmp:/tmp/dev',
        '      - type: volume',
        '        source: web_node_modules',
        '        target: /app/node_modules',
        '  api:',
        "    command: 'npm run dev'",
        '    volumes:',
        '      - type: volume',
        '        source: api_node_modules',
        '        target: /srv/node_modules',
        '',
        'volumes:',
        '  cache: {}',
        '  web_node_modules: {}',
        '  api_node_modules: {}',
        '',
      ].join('\n'),
    );
    assert.equal(readFileSync(join(dir, 'compose.yaml'), 'utf8'), compose);
    assert.deepEqual(write(dir).added, []);
  });

  it('keeps the look of a file whose lists are not indented, and of a 4-space file', () => {
    const dir = projectOf({ ...NODE, 'compose.yaml': 'services:\n  web:\n    volumes: [".:/app"]\n', 'compose.override.yaml': 'services:\n  web:\n    volumes:\n    - ./x:/x\n' });
    assert.equal(readFileSync(write(dir).file, 'utf8'), 'services:\n  web:\n    volumes:\n    - ./x:/x\n    - type: volume\n      source: web_node_modules\n      target: /app/node_modules\nvolumes:\n  web_node_modules: {}\n');
    const four = projectOf({ ...NODE, 'compose.yaml': 'services:\n  web:\n    volumes: [".:/app"]\n', 'compose.override.yaml': 'services:\n    web:\n        environment:\n            A: "1"\n' });
    assert.match(readFileSync(write(four).file, 'utf8'), /^services:\n {4}web:\n {8}environment:\n {12}A: "1"\n {8}volumes:\n {12}- type: volume\n/);
  });

  it('a service whose override volumes come from a merge key keeps them when one is added', () => {
    const existing = 'x-dev: &dev\n  volumes:\n    - ./logs:/app/logs\nservices:\n  web:\n    <<: *dev\n';
    const dir = projectOf({ ...NODE, 'compose.yaml': 'services:\n  web:\n    volumes: [".:/app"]\n', 'compose.override.yaml': existing });
    const text = readFileSync(write(dir).file, 'utf8');
    assert.match(text, /^x-dev: &dev\n/, 'the anchor is kept');
    assert.deepEqual(parse(text, { merge: true }).services.web.volumes, ['./logs:/app/logs', { type: 'volume', source: 'web_node_modules', target: '/app/node_modules' }]);
  });

  it('fills an empty or comment-only override, and writes nothing when nothing is missing', () => {
    const dir = projectOf({ ...NODE, 'compose.yaml': 'services:\n  web:\n    volumes: [".:/app"]\n', 'compose.override.yaml': '# nothing yet\n' });
    const text = readFileSync(write(dir).file, 'utf8');
    assert.match(text, /^# nothing yet\n/);
    assert.deepEqual(parse(text).volumes, { web_node_modules: {} });
    const covered = projectOf({ ...NODE, 'compose.yaml': 'services:\n  web:\n    volumes: [".:/app", "/app/node_modules"]\n' });
    const plan = write(covered);
    assert.deepEqual([plan.added, plan.exists, plan.text], [[], false, '']);
  });
});
