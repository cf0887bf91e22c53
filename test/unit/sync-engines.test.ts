// The sync strategy's engine drivers without an engine: unison's invocations, Mutagen's invocations and its
// `mutagen sync list` parser against real listings (test/recordings/mutagen, README.md there says where each came
// from), Docker Desktop's synchronized shares from its settings, and which engine a sandbox gets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDockerDesktopSettings } from '../../src/platforms/settings/docker-desktop.js';
import type { HostOs } from '../../src/platforms/settings/settings.js';
import { chooseSyncEngine, type FoundEngines } from '../../src/strategies/sync/choose.js';
import { insideDirectory, synchronizedShareFor } from '../../src/strategies/sync/docker-desktop.js';
import { mutagenCreateArgs, mutagenTerminateLeftArgs, parseMutagenList, parseMutagenVersion, sessionProblems } from '../../src/strategies/sync/mutagen.js';
import { parseUnisonVersion, unisonArgs, unisonStopReason } from '../../src/strategies/sync/unison.js';

const recording = (file: string) => readFileSync(new URL(`../recordings/mutagen/${file}`, import.meta.url), 'utf8');
const SONOMA: HostOs = { platform: 'darwin', release: '23.4.0', arch: 'arm64' };
const desktop = (json: string) => parseDockerDesktopSettings(json, '/Users/dev/Library/Group Containers/group.com.docker/settings-store.json', SONOMA);

describe('unison', () => {
  it('reads its version as `unison -version` prints it (Debian bookworm)', () => {
    assert.equal(parseUnisonVersion('unison version 2.52.1 (ocaml 4.13.1)\n'), '2.52.1');
    assert.equal(parseUnisonVersion('sh: 1: unison: not found'), null);
  });
  it('syncs the host copy with the volume through the relay, in batch, times and links kept, ignores in its Name syntax', () => {
    const args = unisonArgs('/run/x/project', '/mountbench/project', '/tmp/m/connect', ['node_modules', '.cache'], 1);
    assert.deepEqual(args.slice(0, 4), ['/run/x/project', 'ssh://mountbench//mountbench/project', '-sshcmd', '/tmp/m/connect']);
    for (const flag of ['-batch', '-times', '-confirmbigdel=false']) assert.ok(args.includes(flag), flag);
    assert.deepEqual(args.slice(args.indexOf('-prefer'), args.indexOf('-prefer') + 2), ['-prefer', 'newer']);
    assert.deepEqual(args.slice(-6), ['-ignore', 'Name node_modules', '-ignore', 'Name .cache', '-repeat', '1']);
    assert.ok(!unisonArgs('/a', '/b', '/c', [], null).includes('-repeat'), 'the initial sync runs once');
    assert.deepEqual(unisonArgs('/a', '/b', '/c', [], null, true).slice(-2), ['-fastcheck', 'false'], 'a thorough run compares contents');
    assert.ok(!args.includes('-fastcheck'), 'otherwise its fast check of sizes, times and inodes');
  });
  // Lines unison 2.52.1 printed in the lab (the sync-medium-lab run) before it stopped in the middle of npm ci.
  it('says why it stopped from its error lines, not from file names or progress', () => {
    const aborted = [
      '[END] Copying node_modules/http-errors/LICENSE',
      '[END] Copying node_modules/http-errors/index.js',
      '[END] Copying node_modules/http-errors/package.json',
      'has been modified during synchronization.  Transfer aborted.',
      ' 60%  00:01 ETA',
    ];
    assert.equal(unisonStopReason(aborted), 'has been modified during synchronization.  Transfer aborted.');
    const quiet = ['Shortcut: copied /w/a/LICENSE from local file /w/b/.unison.LICENSE.56da.unison.tmp', '[END] Copying node_modules/callsites/index.d.ts', '100%  00:00 ETA'];
    assert.equal(unisonStopReason(quiet), 'no message');
    assert.equal(unisonStopReason(['Looking for changes', 'Connection lost']), 'Connection lost');
    // An OCaml backtrace ends a fatal error: its last line as the lab saw it, after the error line OCaml puts first.
    const backtrace = ['Fatal error: exception Unix.Unix_error(Unix.EPIPE, "write", "")', 'Called from Uitext.Body.start in file "/build/unison-2.52-UQJm9o/unison-2.52-2.52.1/src/uitext.ml", line 1445, characters 21-43'];
    assert.equal(unisonStopReason(backtrace), backtrace[0]);
    assert.ok(unisonStopReason([`Fatal error: ${'x'.repeat(500)}`]).length <= 240);
  });
});

describe('Mutagen', () => {
  it('creates a two-way session to the container, the host winning conflicts, labelled with the run', () => {
    const args = mutagenCreateArgs({ name: 'mb-1', labels: { 'mountbench.run': 'r1' }, hostRoot: '/h/project', container: 'mb-c', containerRoot: '/mountbench/project', ignore: ['node_modules'] });
    assert.deepEqual(args, ['sync', 'create', '--name', 'mb-1', '--label', 'mountbench.run=r1', '-m', 'two-way-resolved', '--ignore', 'node_modules', '/h/project', 'docker://mb-c/mountbench/project']);
    assert.equal(parseMutagenVersion('0.18.1\n'), '0.18.1');
    assert.equal(parseMutagenVersion('mutagen: command not found'), null);
  });
  it('mountbench clean ends the sessions left behind by that label: every run\'s, or one run\'s', () => {
    assert.deepEqual(mutagenTerminateLeftArgs({ runId: null, live: new Set() }), ['sync', 'terminate', '--label-selector', 'mountbench.run']);
    assert.deepEqual(mutagenTerminateLeftArgs({ runId: 'r1', live: new Set() }), ['sync', 'terminate', '--label-selector', 'mountbench.run=r1']);
    // Every crashed run's sessions, never a live run's.
    assert.deepEqual(mutagenTerminateLeftArgs({ runId: null, live: new Set(['r3', 'r2']) }), ['sync', 'terminate', '--label-selector', 'mountbench.run,mountbench.run notin (r2,r3)']);
  });
  it('a healthy session to a docker:// container (0.15+): connected both sides, watching, no problem', () => {
    const [s] = parseMutagenList(recording('sync-list-docker-watching-ddev-6239.txt'));
    assert.deepEqual([s.name, s.identifier, s.status], ['d10', 'sync_X4NOdoqOMTlIgEMo6lpDn9TK06jtsRBMBPhgqxRCRtW', 'Watching for changes']);
    assert.deepEqual([s.alpha.url, s.alpha.connected, s.beta.url, s.beta.connected], ['/Users/rfay/workspace/d10', true, 'docker://ddev-d10-web/var/www/html', true]);
    assert.deepEqual(sessionProblems(s), []);
  });
  it('transition problems (0.12, "Connection state") are problems even while watching', () => {
    const [s] = parseMutagenList(recording('sync-list-transition-problems-mutagen-289.txt'));
    assert.deepEqual([s.alpha.connected, s.beta.connected, s.status], [true, true, 'Watching for changes']);
    assert.deepEqual(sessionProblems(s), [
      'alpha (host): web/core/Core: unable to create directory: file exists',
      'alpha (host): web/core/Tests: unable to create directory: file exists',
    ]);
  });
  it('a paused, disconnected session in a --long listing, followed by the next session', () => {
    const [paused, next] = parseMutagenList(recording('sync-list-long-paused-ddev-5633-excerpt.txt'));
    assert.deepEqual(sessionProblems(paused), ['beta (container) not connected', 'status: [Paused]']);
    assert.equal(paused.beta.url, 'docker://ddev-project-latest-develop-web/var/www/html');
    assert.deepEqual([next.name, next.identifier, next.status], ['tryddevproject-2604', 'sync_wJyWElnykDxxNZyURg041CXuKJdxpswi8DPpPaNzjGw', null]);
  });
  it('conflicts and the problems of the oldest listings (0.8: Session, Problems)', () => {
    const [conflicted] = parseMutagenList(recording('sync-list-conflicts-mutagen-94-excerpt.txt'));
    assert.equal(conflicted.conflicts.length, 2);
    assert.match(sessionProblems(conflicted)[0], /^conflict: \(α\) bbb-common-web\/.*RecMetaXmlHelper\.scala \(<non-existent> -> File/);
    const [old] = parseMutagenList(recording('list-problems-v0.8-mutagen-88-excerpt.txt'));
    assert.equal(old.identifier, '156214e0-1ea0-4491-a30c-61ac1c9e97b6');
    assert.equal(old.alpha.url, 'C:\\devel\\mutagen-sessions\\docker-devbox');
    assert.match(sessionProblems(old)[0], /^alpha \(host\): GIP-Recia-poc-cloud\/.*\.htaccess: unable to create file/);
  });
});

describe('Docker Desktop synchronized file shares', () => {
  const run = '/Users/dev/code/app/mountbench-results/r1/.work/desktop/npm-install/sync/project';
  it('a directory inside a share of the settings is shared; outside, or elsewhere than Docker Desktop, it is not', () => {
    const settings = desktop('{"SynchronizedDirectories": ["/Users/dev/code"]}');
    assert.deepEqual(synchronizedShareFor('docker-desktop', settings, run, 'darwin'), { share: '/Users/dev/code', source: settings.source });
    assert.match((synchronizedShareFor('docker-desktop', settings, '/Users/dev/other', 'darwin') as { why: string }).why, /in none of Docker Desktop's synchronized file shares \(\/Users\/dev\/code\)/);
    assert.match((synchronizedShareFor('docker-desktop', desktop('{}'), run, 'darwin') as { why: string }).why, /no synchronized file share/);
    assert.deepEqual(synchronizedShareFor('orbstack', settings, run, 'darwin'), { why: 'not Docker Desktop' });
    assert.match((synchronizedShareFor('docker-desktop', null, run, 'darwin') as { why: string }).why, /settings file was not found/);
  });
  it('compares paths as the host does: case-insensitively on macOS and Windows, and never by prefix alone', () => {
    assert.ok(insideDirectory('/users/DEV/code/app', '/Users/dev/code', true));
    assert.ok(!insideDirectory('/users/DEV/code/app', '/Users/dev/code', false));
    assert.ok(!insideDirectory('/Users/dev/code-other', '/Users/dev/code', false));
    assert.ok(insideDirectory('/Users/dev/code', '/Users/dev/code', false));
  });
});

describe('which engine a sandbox gets', () => {
  const missing = (why: string) => ({ why });
  const binary = { path: '/usr/bin/unison-2.52', version: '2.52.1' };
  const share = { share: '/Users/dev/code', source: 'settings-store.json' };
  const found = (over: Partial<FoundEngines>): FoundEngines => ({
    dockerDesktop: missing('not Docker Desktop'),
    mutagen: missing('the mutagen command is not on PATH'),
    unison: missing('the unison command is not on PATH'),
    ...over,
  });
  it('auto: the platform\'s own share first, then Mutagen, then unison', () => {
    assert.deepEqual(chooseSyncEngine('auto', found({ dockerDesktop: share, mutagen: { version: '0.18.1' }, unison: { binary } })), { engine: 'docker-desktop', share });
    assert.deepEqual(chooseSyncEngine('auto', found({ mutagen: { version: '0.18.1' }, unison: { binary } })), { engine: 'mutagen', version: '0.18.1' });
    assert.deepEqual(chooseSyncEngine('auto', found({ unison: { binary } })), { engine: 'unison', binary });
  });
  it('an engine asked for is that one or none, with its reason; none at all says what to install', () => {
    assert.deepEqual(chooseSyncEngine('unison', found({ unison: { binary }, mutagen: { version: '0.18.1' } })), { engine: 'unison', binary });
    assert.deepEqual(chooseSyncEngine('mutagen', found({ unison: { binary } })), { why: '--sync-engine mutagen: the mutagen command is not on PATH' });
    const none = chooseSyncEngine('auto', found({})) as { why: string };
    assert.match(none.why, /^no sync engine \(unison: the unison command is not on PATH; Mutagen: .*; synchronized file share: not Docker Desktop\): install unison \(apt-get install unison/);
  });
});
