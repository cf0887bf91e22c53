// advise reads Compose files the way Compose does: every volume syntax, several services, overrides merged by
// target, anchors and merge keys, variables; and finds the directories each ecosystem fills under a bind mount.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ComposeFileError, findComposeProject } from '../../src/advise/compose-files.js';
import { dependencyDirs } from '../../src/advise/ecosystems.js';
import { composeLayout, pending } from '../../src/advise/layout.js';
import { parseMount } from '../../src/advise/mounts.js';
import { interpolate, parseDotenv } from '../../src/advise/variables.js';
import { projectOf } from '../helpers/project-files.js';

const NODE = { 'package.json': '{"dependencies":{"express":"4"}}' };

/** service → its advised "dir → volume at target", or "dir: covered by …". */
function advised(dir: string): Record<string, string[]> {
  const project = findComposeProject(dir);
  assert.ok(project);
  const layout = composeLayout(project, dir);
  const out: Record<string, string[]> = {};
  for (const m of layout.mounts) {
    out[m.service] = [...(out[m.service] ?? []), ...m.dirs.map((d) => (d.coveredBy ? `${d.dir}: covered by ${d.coveredBy}` : `${d.dir} → ${d.volume} at ${d.target}`))];
  }
  for (const name of layout.others) out[name] = ['no bind of the project'];
  return out;
}

describe('advise: compose files', () => {
  it('short syntax: ".:/app", with a mode, absolute, and through variables', () => {
    for (const volume of ['.:/app', './:/app:cached', 'ABSOLUTE:/app:ro', '${PWD}:/app', '$PWD/:/app', '"${APP_DIR:-.}:/app"', './/:/app/']) {
      const dir = projectOf(NODE);
      writeFileSync(join(dir, 'compose.yaml'), `services:\n  app:\n    image: node\n    volumes:\n      - ${volume.replace('ABSOLUTE', dir)}\n`);
      assert.deepEqual(advised(dir), { app: ['node_modules → app_node_modules at /app/node_modules'] }, volume);
    }
  });

  it('long syntax: type bind with a relative or ${PWD} source; without type, a path is a bind', () => {
    for (const source of ['.', '${PWD}', './']) {
      const dir = projectOf({ ...NODE, 'compose.yaml': `services:\n  app:\n    volumes:\n      - type: bind\n        source: ${source}\n        target: /srv/app\n        consistency: cached\n` });
      assert.deepEqual(advised(dir), { app: ['node_modules → app_node_modules at /srv/app/node_modules'] });
    }
    const untyped = projectOf({ ...NODE, 'compose.yaml': 'services:\n  app:\n    volumes: [{ source: ., target: /app }]\n' });
    assert.deepEqual(advised(untyped), { app: ['node_modules → app_node_modules at /app/node_modules'] });
  });

  it('several services; one without a bind mount; one binding a subdirectory; binds outside the project ignored', () => {
    const dir = projectOf({
      ...NODE,
      'web/package.json': '{}',
      'compose.yml': [
        'services:',
        '  api:',
        '    volumes: [".:/app", "/etc/hosts:/etc/hosts:ro", "../elsewhere:/x"]',
        '  web:',
        '    volumes:',
        '      - ./web:/srv',
        '  db:',
        '    image: postgres',
        '    volumes: [data:/var/lib/postgresql/data]',
        '  cache:',
        '    image: redis',
        'volumes:',
        '  data:',
      ].join('\n'),
    });
    assert.deepEqual(advised(dir), {
      api: ['node_modules → api_node_modules at /app/node_modules'],
      web: ['node_modules → web_web_node_modules at /srv/node_modules'],
      db: ['no bind of the project'],
      cache: ['no bind of the project'],
    });
  });

  it('a directory already in a volume (named, anonymous, long syntax) is left alone', () => {
    const dir = projectOf({
      ...NODE,
      '.next/': '',
      'compose.yaml': [
        'services:',
        '  a:',
        '    volumes: [".:/app", "/app/node_modules"]',
        '  b:',
        '    volumes: [".:/app", "deps:/app/node_modules", { type: tmpfs, target: /app/.next }]',
        'volumes: { deps: {} }',
      ].join('\n'),
    });
    assert.deepEqual(advised(dir), {
      a: ['node_modules: covered by /app/node_modules', '.next → a_next at /app/.next'],
      b: ['node_modules: covered by deps:/app/node_modules', '.next: covered by tmpfs → /app/.next'],
    });
  });

  it('an existing override is merged by target: it can add a bind, or cover a directory', () => {
    const dir = projectOf({
      ...NODE,
      'docker-compose.yml': 'services:\n  app:\n    image: node\n  worker:\n    volumes: [".:/app"]\n',
      'docker-compose.override.yml': '# local\nservices:\n  app:\n    volumes: [".:/code"]\n  worker:\n    volumes:\n      - type: volume\n        source: worker_deps\n        target: /app/node_modules\n',
    });
    assert.deepEqual(findComposeProject(dir)?.files.map((f) => f.slice(dir.length + 1)), ['docker-compose.yml', 'docker-compose.override.yml']);
    assert.deepEqual(advised(dir), {
      app: ['node_modules → app_node_modules at /code/node_modules'],
      worker: ['node_modules: covered by volume worker_deps → /app/node_modules'],
    });
  });

  it('anchors, aliases and merge keys are resolved', () => {
    const dir = projectOf({
      ...NODE,
      'compose.yaml': [
        'x-volumes: &vols',
        '  - .:/app:cached',
        'x-common: &common',
        '  image: node:22',
        '  volumes: *vols',
        'services:',
        '  web:',
        '    <<: *common',
        '    command: npm start',
        '  worker:',
        '    <<: [*common]',
        '    volumes:',
        '      - .:/worker',
      ].join('\n'),
    });
    assert.deepEqual(advised(dir), {
      web: ['node_modules → web_node_modules at /app/node_modules'],
      worker: ['node_modules → worker_node_modules at /worker/node_modules'],
    });
  });

  it('finds the files in Compose\'s order of preference, and none when there is no compose file', () => {
    const dir = projectOf({ 'docker-compose.yml': 'services: {}\n', 'compose.yaml': 'services: {}\n', 'compose.override.yaml': '', 'docker-compose.override.yml': '' });
    assert.deepEqual(findComposeProject(dir)?.files.map((f) => f.slice(dir.length + 1)), ['compose.yaml', 'compose.override.yaml']);
    assert.equal(findComposeProject(projectOf({ 'README.md': '' })), null);
  });

  it('broken YAML says file:line:column', () => {
    const dir = projectOf({ 'compose.yaml': 'services:\n  app:\n    volumes: [".:/app"\n' });
    assert.throws(() => findComposeProject(dir), (e: Error) => e instanceof ComposeFileError && /compose\.yaml:\d+:\d+: not valid YAML/.test(e.message));
  });
});

describe('advise: volume entries and variables', () => {
  const vars = { PWD: '/p', HOME_DIR: '/h', EMPTY: '' };
  it('short syntax: anonymous, named, bind, Windows drive letter', () => {
    assert.deepEqual(parseMount('/app/node_modules', '/p', vars), { type: 'volume', source: null, target: '/app/node_modules', text: '/app/node_modules' });
    assert.deepEqual(parseMount('deps:/app/node_modules:rw', '/p', vars)?.source, 'deps');
    assert.deepEqual(parseMount('./web:/srv', '/p', vars), { type: 'bind', source: '/p/web', target: '/srv', text: './web:/srv' });
    assert.deepEqual(parseMount('C:\\code:/app', '/p', vars)?.type, 'bind');
  });
  it('Compose interpolation: braces, defaults, $$ and unset variables', () => {
    assert.equal(interpolate('${PWD}/a:$HOME_DIR:${NOPE:-x}:${EMPTY:-d}:${EMPTY-d}:$$PWD:${NOPE}', vars), '/p/a:/h:x:d::$PWD:');
    assert.equal(interpolate('${NOPE:?must be set}', vars), '${NOPE:?must be set}');
  });
  it('.env lines', () => {
    assert.deepEqual(parseDotenv('# c\nA=1\nexport B="two words"\nC=3 # note\n\nbad line\n'), { A: '1', B: 'two words', C: '3' });
  });
});

describe('advise: ecosystems', () => {
  it('finds each ecosystem\'s directories from its files, and caches where the project has or uses them', () => {
    const dir = projectOf({
      'package.json': '{"devDependencies":{"next":"14"}}',
      '.cache/': '',
      'composer.json': '{}',
      'requirements.txt': '',
      'Cargo.toml': '',
      'build.gradle.kts': '',
      'Gemfile': '',
    });
    assert.deepEqual(
      dependencyDirs(dir).map((d) => `${d.dir} (${d.ecosystem}: ${d.because})`),
      [
        'node_modules (node: package.json)',
        '.next (node: next in package.json)',
        '.cache (node: .cache exists)',
        'vendor (php: composer.json)',
        '.venv (python: requirements.txt)',
        'target (rust: Cargo.toml)',
        '.gradle (gradle: build.gradle.kts)',
        'build (gradle: build.gradle.kts)',
        'vendor/bundle (ruby: Gemfile)',
      ],
    );
    assert.deepEqual(dependencyDirs(projectOf({ 'pom.xml': '', 'pyproject.toml': '' })).map((d) => d.dir), ['.venv', 'target']);
  });
  it('nested directories get a volume name of their own parts', () => {
    const dir = projectOf({ Gemfile: '', 'compose.yaml': 'services:\n  rails:\n    volumes: [".:/rails"]\n' });
    const project = findComposeProject(dir)!;
    assert.deepEqual(pending(composeLayout(project, dir).mounts).map(({ dir: d }) => [d.volume, d.target]), [['rails_vendor_bundle', '/rails/vendor/bundle']]);
  });
});
