// mountbench share: the recorded runs (test/recordings/runs/, real runs of this project's host engine and sshfs
// lab) made fit to publish leave no trace of a host, user, home, output folder, mount line or address in any
// string; a run planted with each of them (a Mac user's names, paths and addresses in notes, error tails,
// labels, endpoints and the command line) keeps none; the id is the hash; a --project run needs consent.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MountbenchError } from '../../src/errors.js';
import type { RunDocument } from '../../src/model/run-document.js';
import { parseRunDocument } from '../../src/results/store.js';
import { shareRun } from '../../src/share/from-run.js';
import { localIdentity, removedText, type MachineIdentity } from '../../src/share/redact.js';
import { canonicalJson, resultId } from '../../src/share/result-id.js';
import { ID_LENGTH, SharedResult } from '../../src/share/schema.js';
import { markdownSummary } from '../../src/share/summary.js';
import { runCli } from '../helpers/cli.js';

const RECORDINGS = fileURLToPath(new URL('../recordings/runs/', import.meta.url));
const NAMES = ['small-docker-linux.json', 'sync-medium-lab.json', 'workloads-host-and-lab.json'];
const raw = (name: string) => JSON.parse(readFileSync(join(RECORDINGS, name), 'utf8')) as RunDocument;
const read = (name: string) => parseRunDocument(raw(name), name);
const scratch = mkdtempSync(join(tmpdir(), 'mountbench-share-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Every string in a JSON value, object keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])/g;
/** Addresses other than loopback, which is the same on every machine and names nobody. */
const addresses = (text: string) => [...text.matchAll(IPV4)].map((m) => m[0]).filter((a) => !a.startsWith('127.'));

describe('share on the recorded runs', () => {
  for (const name of NAMES) {
    it(`${name}: no host, user, home, output folder, mount line or address left in any string`, () => {
      const doc = read(name);
      const { result } = shareRun(doc, { includeProject: false });
      const all = strings(result).join('\n');
      assert.ok(JSON.stringify(doc).includes('/mountbench/'), 'the recording holds mount lines (the test would be vacuous otherwise)');
      for (const output of doc.command.filter((_, i) => ['--output', '-o'].includes(doc.command[i - 1]))) assert.ok(!all.includes(output), `${name}: ${output}`);
      assert.deepEqual(addresses(all), [], `${name}: addresses`);
      assert.ok(!/\/home\/|\/Users\/|mountinfo|\s-\s(ext4|fuse)/.test(all), `${name}: a home path or a mount line`);
      const me = localIdentity();
      for (const value of [hostname(), homedir(), userInfo().username].filter((v) => v.length >= 3 && v !== 'root' && v !== '/root')) {
        assert.ok(!all.includes(value), `${name}: ${value}`);
      }
      assert.ok(me.hostnames.length > 0);
      // Figures and the fingerprint stay.
      assert.equal(result.cells.length, doc.cells.length);
      assert.equal(result.machine.cpuModel, doc.host.cpuModel);
      assert.deepEqual(result.cells.map((c) => c.summary?.median ?? null), doc.cells.map((c) => c.summary?.median ?? null));
      assert.deepEqual(result.cells.map((c) => c.ratioToNative?.value ?? null), doc.cells.map((c) => c.ratioToNative?.value ?? null));
      assert.equal(SharedResult.safeParse(result).success, true);
    });
  }

  it('says what it removed: every mount line of the recording, counted', () => {
    const doc = read('workloads-host-and-lab.json');
    const lines = doc.platforms.filter((p) => p.identity?.fileSharing?.mountinfo).length + doc.cells.flatMap((c) => c.mounts.filter((m) => m.mountinfo)).length;
    const { redactor } = shareRun(doc, { includeProject: false });
    assert.ok(lines > 0);
    assert.equal(redactor.removed.get('mount line'), lines);
    assert.match(removedText(redactor.removed), new RegExp(`^${lines} mount lines`));
  });

  it('its id is the first 16 hex characters of the sha256 of its canonical JSON without the id, the same for the same run', () => {
    const { result } = shareRun(read('sync-medium-lab.json'), { includeProject: false });
    assert.equal(result.id.length, ID_LENGTH);
    assert.equal(resultId(result), result.id);
    assert.equal(shareRun(read('sync-medium-lab.json'), { includeProject: false }).result.id, result.id);
    const edited = { ...result, cells: result.cells.map((c, i) => (i === 0 && c.summary ? { ...c, summary: { ...c.summary, median: c.summary.median * 0.9 } } : c)) };
    assert.notEqual(resultId(edited), result.id);
    assert.equal(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }] }), '{"a":[2,{"c":"x","d":null}],"b":1}');
  });

  it('gives a Markdown table of every cell to paste into an issue', () => {
    const { result } = shareRun(read('small-docker-linux.json'), { includeProject: false });
    const md = markdownSummary(result);
    assert.match(md, new RegExp(`^### mountbench result \`${result.id}\``));
    assert.equal(md.split('\n').filter((l) => l.startsWith('| npm-install |')).length, result.cells.length);
  });
});

/** A Mac user's run with their names, paths and addresses planted in every kind of field. */
function planted(): RunDocument {
  const doc = structuredClone(read('small-docker-linux.json'));
  doc.command = ['mountbench', 'run', '--project', '/Users/alice/code/secret-app', '--command', 'node ./scripts/build.js --out /Users/alice/tmp', '--output', '/Users/alice/bench', '--platform', 'orbstack'];
  doc.settings.fixture = 'project secret-app';
  doc.settings.workloads = ['project'];
  doc.statusReason = 'lost the engine at 192.168.1.23 on alice-mbp';
  doc.notes = ['secret-app: wrote /Users/alice/bench/run.json on alice-mbp.local', 'malice is not a name'];
  const [platform] = doc.platforms;
  platform.identity = { ...platform.identity!, endpoint: 'unix:///Users/alice/.orbstack/run/docker.sock', label: 'OrbStack 1.9.2 (alice-mbp)', fileSharing: { mechanism: 'virtiofs', fstype: 'virtiofs', mountinfo: '1 2 0:1 /Users/alice/code/secret-app /mountbench/project rw - virtiofs mac rw' } };
  platform.error = 'tcp://10.0.0.7:2375 refused; MAC 3c:22:fb:12:34:56, fe80::1ff:fe23:4567:890a';
  doc.cells = doc.cells.map((c) => ({
    ...c,
    workload: 'project',
    reason: 'C:\\Users\\alice\\AppData\\Local\\Docker failed',
    notes: ['npm warn cache /home/alice/.npm is old'],
    samples: c.samples.map((s) => ({ ...s, outputTail: 'npm ERR! path /Users/alice/code/secret-app/package.json\nHOME=/Users/alice NPM_TOKEN=npm_abc123 user alice' })),
  }));
  return doc;
}

const ALICE: MachineIdentity = { hostnames: ['alice-mbp.example.com', 'alice-mbp'], usernames: ['alice'], homes: ['/Users/alice'], outputDirs: [], projects: [] };

describe('share on a planted run', () => {
  it('refuses a --project run without --include-project: a usage error (exit 64) that says how', () => {
    assert.throws(
      () => shareRun(planted(), { includeProject: false, identity: ALICE }),
      (error: unknown) => error instanceof MountbenchError && error.exitCode === 64 && /--include-project/.test(error.message),
    );
  });

  it('keeps no host name, user name, home, project, address, MAC or environment value anywhere', () => {
    const { result, redactor } = shareRun(planted(), { includeProject: true, identity: ALICE });
    const all = strings(result).join('\n');
    assert.deepEqual(all.match(/(?<!m)alice/g), null, 'the user name survived');
    for (const secret of ['/Users/', '/home/', 'C:\\Users', 'secret-app', '192.168.1.23', '10.0.0.7', '3c:22:fb', 'fe80::', 'npm_abc123', 'alice-mbp', '.local', './scripts']) {
      assert.ok(!all.includes(secret), `"${secret}" survived:\n${all.split('\n').filter((l) => l.includes(secret)).join('\n')}`);
    }
    for (const placeholder of ['<home>', '<host>', '<user>', '<ip>', '<mac>', '<project>', '<env>', '<output>', '<path>']) assert.ok(all.includes(placeholder), placeholder);
    assert.ok(all.includes('malice is not a name'), 'a name inside a longer word stays');
    assert.deepEqual(result.run.command, ['mountbench', 'run', '--project', '<project>', '--command', 'node <path> --out <path>', '--output', '<output>', '--platform', 'orbstack']);
    assert.equal(result.platforms[0].endpoint, 'unix://<home>/.orbstack/run/docker.sock');
    for (const kind of ['home path', 'host name', 'user name', 'IP address', 'MAC address', 'project name or path', 'environment value', 'mount line', 'path in a command line'] as const) {
      assert.ok((redactor.removed.get(kind) ?? 0) > 0, kind);
    }
  });

  it('through the CLI: exit 64 without --include-project; with it, the file, what was removed and the Markdown', async () => {
    const file = join(scratch, 'planted.json');
    writeFileSync(file, JSON.stringify(planted()));
    const refused = await runCli(['share', file, '--output', join(scratch, 'out.json')]);
    assert.equal(refused.code, 64, refused.stderr);
    assert.match(refused.stderr, /--include-project/);
    // The CLI knows its machine from the OS and the environment: here, Alice's.
    const shared = await runCli(['share', file, '--include-project', '--output', join(scratch, 'out.json')], { USER: 'alice', HOSTNAME: 'alice-mbp' });
    assert.equal(shared.code, 0, shared.stderr);
    assert.match(shared.stderr, /removed: .*\d+ home paths/);
    assert.match(shared.stdout, /^### mountbench result `[0-9a-f]{16}`/);
    const written = JSON.parse(readFileSync(join(scratch, 'out.json'), 'utf8'));
    assert.equal(SharedResult.safeParse(written).success, true);
    assert.deepEqual(JSON.stringify(written).match(/(?<!m)alice/g), null);
  });
});
