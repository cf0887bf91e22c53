import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { contextDigest, discoverEndpoints, UnknownContextError } from '../../src/platforms/discover.js';
import type { DiscoveryEnvironment } from '../../src/platforms/environment.js';
import { connect } from '../../src/platforms/engine.js';
import { selectEndpoints } from '../../src/platforms/select.js';

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A temporary home with a ~/.docker tree laid out the way the docker CLI writes it. */
function home(options: { contexts?: Record<string, string>; current?: string; sockets?: string[]; tls?: string[] } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'mountbench-discover-'));
  roots.push(root);
  const docker = join(root, '.docker');
  mkdirSync(docker, { recursive: true });
  for (const [name, host] of Object.entries(options.contexts ?? {})) {
    const dir = join(docker, 'contexts', 'meta', contextDigest(name));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  }
  for (const name of options.tls ?? []) {
    const dir = join(docker, 'contexts', 'tls', contextDigest(name), 'docker');
    mkdirSync(dir, { recursive: true });
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(dir, f), 'x');
  }
  if (options.current) writeFileSync(join(docker, 'config.json'), JSON.stringify({ currentContext: options.current }));
  for (const socket of options.sockets ?? []) {
    mkdirSync(join(root, socket, '..'), { recursive: true });
    writeFileSync(join(root, socket), '');
  }
  return root;
}

const env = (h: string, vars: Record<string, string> = {}, context?: string): DiscoveryEnvironment => ({
  env: vars,
  home: h,
  context,
  root: join(h, 'system-root'),
});
const names = (de: DiscoveryEnvironment) => discoverEndpoints(de).map((e) => `${e.current ? '*' : ''}${e.name}`);

describe('endpoint discovery (docker CLI order)', () => {
  it('sha256 of the context name names its directory', () => {
    assert.equal(contextDigest('desktop-linux'), 'fe9c6bd7a66301f49ca9b6a70b217107cd1284598bfc254700c989b916da791e');
  });

  it('uses the current context from config.json and lists every other context', () => {
    const h = home({ contexts: { colima: 'unix:///nowhere/colima.sock', orbstack: 'unix:///nowhere/orb.sock' }, current: 'orbstack' });
    assert.deepEqual(names(env(h)), ['*orbstack', 'colima']);
    const current = discoverEndpoints(env(h))[0];
    assert.equal(current.source, 'current context');
    assert.equal(current.host, 'unix:///nowhere/orb.sock');
  });

  it('DOCKER_HOST beats the current context; DOCKER_CONTEXT and --context beat DOCKER_HOST', () => {
    const h = home({ contexts: { colima: 'unix:///nowhere/colima.sock' }, current: 'colima' });
    const fromHost = discoverEndpoints(env(h, { DOCKER_HOST: 'tcp://10.0.0.9:2375' }))[0];
    assert.deepEqual([fromHost.name, fromHost.host, fromHost.source], ['default', 'tcp://10.0.0.9:2375', 'DOCKER_HOST']);
    assert.equal(discoverEndpoints(env(h, { DOCKER_HOST: 'tcp://x:1', DOCKER_CONTEXT: 'colima' }))[0].source, 'DOCKER_CONTEXT');
    assert.equal(discoverEndpoints(env(h, { DOCKER_HOST: 'tcp://x:1' }, 'colima'))[0].source, '--context');
  });

  it('falls back to the default socket, and reads DOCKER_CONFIG', () => {
    const h = home();
    const first = discoverEndpoints(env(h))[0];
    assert.deepEqual([first.name, first.host, first.current], ['default', 'unix:///var/run/docker.sock', true]);
    const elsewhere = home({ contexts: { lima: 'unix:///nowhere/lima.sock' }, current: 'lima' });
    assert.equal(discoverEndpoints(env(h, { DOCKER_CONFIG: join(elsewhere, '.docker') }))[0].name, 'lima');
  });

  it('an unknown --context is an error that lists the known ones', () => {
    const h = home({ contexts: { colima: 'unix:///nowhere/colima.sock' } });
    assert.throws(() => discoverEndpoints(env(h, {}, 'nope')), (e: unknown) => e instanceof UnknownContextError && /colima/.test(e.message));
  });

  it('adds well-known sockets no context names, with the platform names', () => {
    const h = home({
      sockets: ['.orbstack/run/docker.sock', '.colima/default/docker.sock', '.colima/work/docker.sock', '.lima/docker/sock/docker.sock', '.rd/docker.sock', '.docker/run/docker.sock'],
    });
    assert.deepEqual(names(env(h)).filter((n) => n !== '*default'), ['desktop-linux', 'orbstack', 'colima', 'colima-work', 'lima-docker', 'rancher-desktop']);
  });

  it('one engine reached two ways is listed once, the other name kept as an alias', () => {
    const h = home({ sockets: ['.docker/run/docker.sock'] });
    symlinkSync(join(h, '.docker/run/docker.sock'), join(h, 'var-run-docker.sock'));
    const list = discoverEndpoints(env(h, { DOCKER_HOST: `unix://${join(h, 'var-run-docker.sock')}` }));
    const current = list.find((e) => e.current)!;
    assert.deepEqual(current.aliases, ['desktop-linux']);
    assert.equal(list.filter((e) => e.name === 'desktop-linux').length, 0);
  });

  it('finds TLS files of a context', () => {
    const h = home({ contexts: { remote: 'tcp://10.0.0.9:2376' }, tls: ['remote'] });
    const remote = discoverEndpoints(env(h)).find((e) => e.name === 'remote')!;
    assert.ok(remote.tls?.ca?.endsWith('ca.pem'));
  });

  it('selection: the current one by default, named ones (aliases too), or all', () => {
    const h = home({ contexts: { colima: 'unix:///nowhere/colima.sock', orbstack: 'unix:///nowhere/orb.sock' }, current: 'colima' });
    const list = discoverEndpoints(env(h));
    assert.deepEqual(selectEndpoints(list, { all: false }).map((e) => e.name), ['colima']);
    assert.deepEqual(selectEndpoints(list, { names: ['orbstack', 'colima'], all: false }).map((e) => e.name), ['orbstack', 'colima']);
    assert.equal(selectEndpoints(list, { all: true }).length, list.length);
    assert.throws(() => selectEndpoints(list, { names: ['nope'], all: false }), /no platform named "nope"/);
  });
});

describe('endpoints reach their own engines under their own names', () => {
  it('DOCKER_HOST is not called "default" while the default socket is listed too', () => {
    const h = home({ sockets: ['system-root/var/run/docker.sock'] });
    const listed = discoverEndpoints(env(h, { DOCKER_HOST: 'tcp://127.0.0.1:23750' }));
    assert.deepEqual(listed.map((e) => [e.name, e.source]), [['docker-host', 'DOCKER_HOST'], ['default', 'socket']]);
    assert.deepEqual(selectEndpoints(listed, { names: ['default'], all: false }).map((e) => e.source), ['socket']);
  });
  it('DOCKER_HOST alone keeps the docker CLI\'s name, default', () => {
    assert.deepEqual(names(env(home(), { DOCKER_HOST: 'tcp://127.0.0.1:23750' })), ['*default']);
  });
  it('a unix socket is reached through its own path even when DOCKER_HOST names a TCP engine', () => {
    const previous = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:23750';
    try {
      const docker = connect({ name: 'default', host: 'unix:///var/run/docker.sock', source: 'socket', current: false, aliases: [], tls: null, skipTLSVerify: false });
      const modem = docker.modem as unknown as { socketPath?: string; host?: string; port?: string };
      assert.deepEqual([modem.socketPath, modem.host, modem.port], ['/var/run/docker.sock', undefined, undefined]);
    } finally {
      if (previous === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = previous;
    }
  });
});
