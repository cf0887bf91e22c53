// mountbench share on a run of every platform kind: the recorded run of this machine's engine
// (test/recordings/runs/small-docker-linux.json) given, in turn, the identity that `identify` reads from a public
// recording of each kind (test/recordings/docker-info/public/, identify/, mountinfo/public/: sources in their
// READMEs), the kind's own socket under a Mac, Windows or Linux user's home, and what such a run writes in its free
// text (a failed sample's tail, a cell's reason, the run's notes). Then, in a second run, a planted sentence in every
// string field of the document. Nothing of the user may be left in the shared result; their machine's fingerprint
// (kind, label, engine, file sharing) must be; the same value gets the same placeholder wherever it stood.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { PlatformIdentity, RunDocument } from '../../src/model/run-document.js';
import { readEvidence } from '../../src/platforms/evidence/read.js';
import { identify, platformIdentity } from '../../src/platforms/identify.js';
import { PLATFORM_KINDS } from '../../src/platforms/kinds/catalog.js';
import { parseRunDocument } from '../../src/results/store.js';
import { shareRun } from '../../src/share/from-run.js';
import { Redactor, type MachineIdentity } from '../../src/share/redact.js';
import { SharedResult } from '../../src/share/schema.js';

const RECORDINGS = fileURLToPath(new URL('../recordings/', import.meta.url));
const recorded = (file: string) => readFileSync(join(RECORDINGS, file), 'utf8');
const baseRun = () => parseRunDocument(JSON.parse(recorded('runs/small-docker-linux.json')), 'small-docker-linux.json');

/** Every string in a JSON value, object keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

interface KindCase {
  kind: string;
  /** The recordings identify reads, together. */
  files: string[];
  home: string;
  user: string;
  host: string;
  /** The kind's own socket, as discovery finds it (src/platforms/kinds/<kind>.ts). */
  endpoint: string;
  /** What the recordings hold of their own users that must not come through either. */
  theirs: string[];
}

const MAC = { home: '/Users/alice', user: 'alice', host: 'alice-mbp' };
const CASES: KindCase[] = [
  { kind: 'podman', files: ['docker-info/public/podman-machine-macos-4.0.3-docker-info-excerpt.txt'], ...MAC, endpoint: 'unix:///Users/alice/.local/share/containers/podman/machine/podman-machine-default/podman.sock', theirs: [] },
  {
    kind: 'docker-desktop',
    files: ['docker-info/public/docker-desktop-mac-4.47.0-arm64-version.txt', 'docker-info/public/docker-desktop-mac-4.47.0-arm64-info.txt', 'mountinfo/public/docker-desktop-mac-grpcfuse-bind-lines.txt'],
    ...MAC,
    endpoint: 'unix:///Users/alice/.docker/run/docker.sock',
    theirs: ['sankmeht', 'opentelemetry-python'],
  },
  {
    kind: 'docker-desktop',
    files: ['docker-info/public/docker-desktop-windows-wsl2-engine-27.2.0-info.txt'],
    home: 'C:\\Users\\alice',
    user: 'alice',
    host: 'ALICE-DESKTOP',
    endpoint: 'npipe:////./pipe/docker_engine',
    theirs: [],
  },
  { kind: 'orbstack', files: ['docker-info/public/orbstack-engine-28.5.2-intel-info.txt'], ...MAC, endpoint: 'unix:///Users/alice/.orbstack/run/docker.sock', theirs: [] },
  { kind: 'apple-container', files: ['identify/container-system-status-0.11.0-xgo-315.txt'], ...MAC, endpoint: 'unix:///Users/alice/.socktainer/container.sock', theirs: [] },
  { kind: 'rancher-desktop', files: ['docker-info/public/rancher-desktop-moby-29.5.3-arm64-info-server.txt'], ...MAC, endpoint: 'unix:///Users/alice/.rd/docker.sock', theirs: [] },
  { kind: 'colima', files: ['docker-info/public/colima-ubuntu24.04-engine-unknown-info-excerpt.txt'], ...MAC, endpoint: 'unix:///Users/alice/.colima/default/docker.sock', theirs: [] },
  { kind: 'lima', files: ['docker-info/public/lima-docker-template-ubuntu22.04-info-excerpt.txt'], ...MAC, endpoint: 'unix:///Users/alice/.lima/docker/sock/docker.sock', theirs: [] },
  {
    kind: 'wsl2',
    // Its engine's Name is the Windows machine's: "Brandon-ROG".
    files: ['docker-info/public/docker-ce-wsl2-ubuntu22.04-docker.io-29.1.3-info.txt', 'identify/wsl2-mnt-c-9p-mount-line-wsl-14301.txt'],
    home: '/home/alice',
    user: 'alice',
    host: 'ALICE-LAPTOP',
    endpoint: 'unix:///var/run/docker.sock',
    theirs: ['Brandon-ROG'],
  },
  { kind: 'rootless-docker', files: ['docker-info/public/rootless-docker-debian12-27.1.1-version.txt', 'docker-info/public/rootless-docker-debian12-27.1.1-info.txt'], home: '/home/alice', user: 'alice', host: 'alice-thinkpad', endpoint: 'unix:///run/user/1000/docker.sock', theirs: [] },
  { kind: 'docker-linux', files: ['docker-info/docker-linux-debian12.json', 'mountinfo/docker-linux-bind-and-volume.txt'], home: '/home/alice', user: 'alice', host: 'alice-thinkpad', endpoint: 'unix:///var/run/docker.sock', theirs: [] },
];

/** The recorded run, as if measured on the case's platform by its user. */
function runOn(c: KindCase): { doc: RunDocument; identity: PlatformIdentity } {
  const evidence = readEvidence(c.files.map((file) => ({ origin: file, text: recorded(file) })));
  const doc = structuredClone(baseRun());
  const [platform] = doc.platforms;
  const identity = platformIdentity({ name: platform.name, host: c.endpoint, source: 'socket' }, identify(evidence));
  platform.identity = identity;
  const sep = c.home.includes('\\') ? '\\' : '/';
  const project = [c.home, 'code', 'shop-frontend'].join(sep);
  doc.command = ['mountbench', 'run', '--fixture', 'small', '--output', [c.home, 'bench'].join(sep)];
  doc.statusReason = `the engine at ${c.endpoint} stopped answering on ${c.host}`;
  doc.notes = [`could not remove ${[c.home, 'bench', '.work'].join(sep)}: it is still in use by ${c.user}`];
  doc.cells = doc.cells.map((cell, i) => ({
    ...cell,
    reason: i === 0 ? `cannot reach ${c.endpoint} from ${c.host}.local (192.168.64.3)` : cell.reason,
    samples: cell.samples.map((s) => ({ ...s, outputTail: `npm ERR! enoent ${project}${sep}package.json\nnpm ERR! A complete log of this run can be found in: ${[c.home, '.npm', '_logs'].join(sep)}` })),
  }));
  return { doc, identity };
}

const who = (c: KindCase): MachineIdentity => ({ hostnames: [c.host], usernames: [c.user], homes: [c.home], outputDirs: [], projects: [] });

describe('share on a run of every platform kind', () => {
  // linux-vm is told only by live evidence (the engine's kernel against this machine's): no recording can give it.
  const LIVE_ONLY = ['linux-vm'];
  it('covers every kind mountbench recognises from recordings', () => {
    assert.deepEqual([...new Set(CASES.map((c) => c.kind))].sort(), PLATFORM_KINDS.map((k) => k.id).filter((id) => !LIVE_ONLY.includes(id)).sort());
  });

  for (const c of CASES) {
    it(`${c.kind} (${c.files[0].split('/').at(-1)}): nothing of the user left, the fingerprint kept`, () => {
      const { doc, identity } = runOn(c);
      assert.equal(identity.kind, c.kind, 'the recording is identified as its kind');
      const { result } = shareRun(doc, { includeProject: false, identity: who(c) });
      const all = strings(result).join('\n');
      for (const secret of [c.home, c.user, c.host, '192.168.64.3', 'shop-frontend', '/Users/', '\\Users\\', ...c.theirs]) {
        assert.ok(!all.toLowerCase().includes(secret.toLowerCase()), `${secret} survived:\n${all.split('\n').filter((l) => l.toLowerCase().includes(secret.toLowerCase())).join('\n')}`);
      }
      const [shared] = result.platforms;
      assert.deepEqual(
        [shared.kind, shared.label, shared.engineVersion, shared.arch, shared.fileSharing.mechanism],
        [identity.kind, identity.label, identity.engine.version, identity.engine.arch, identity.fileSharing?.mechanism ?? 'unknown'],
      );
      const underHome = c.endpoint.includes(c.home);
      assert.equal(shared.endpoint, underHome ? c.endpoint.replace(c.home, '<home>') : c.endpoint, 'a socket under the home keeps its shape, the home replaced');
      assert.match(result.run.statusReason ?? '', /stopped answering on <host>$/);
      assert.equal(result.cells[0].samples[0].outputTail?.includes('<home>'), true);
      assert.equal(SharedResult.safeParse(result).success, true);
    });
  }
});

/** Every kind of thing a run must not give away, in one sentence planted in every string field. */
const ALICE: MachineIdentity = { hostnames: ['alice-mbp'], usernames: ['alice'], homes: ['/Users/alice'], outputDirs: [], projects: [] };
const PLANTED =
  'alice-mbp.local alice-mbp alice /Users/alice/code/secret-app /srv/work/secret-app secret-app 192.168.1.23 10.0.0.7 ' +
  '2001:db8:85a3::8a2e:370:7334 fe80::1ff:fe23:4567:890a 3c:22:fb:12:34:56 unix:///Users/alice/.colima/default/docker.sock ' +
  'NPM_TOKEN=npm_abc123 HOME=/Users/alice';
const SECRETS = ['alice', 'secret-app', '/Users/', '192.168.1.23', '10.0.0.7', '2001:db8', '8a2e:370', 'fe80::', '3c:22:fb', 'npm_abc123', '.local', '/srv/work'];

/** The document with the sentence after every string it holds (not its keys), except the two that name the
 * project (the fixture, the command line: set to a --project run's below). */
function plantEverywhere(value: unknown, path: string): unknown {
  if (typeof value === 'string') return `${value} ${PLANTED}`;
  if (Array.isArray(value)) return value.map((v, i) => plantEverywhere(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ['settings.fixture', 'command'].includes(`${path}${k}`) ? v : plantEverywhere(v, `${path}${k}.`)]));
  }
  return value;
}

function plantedRun(): RunDocument {
  const doc = structuredClone(baseRun());
  // Fields the base run leaves empty, so that they too hold the sentence.
  doc.statusReason = 'interrupted';
  doc.notes = ['a note'];
  doc.platforms[0].error = 'an error';
  doc.cells = doc.cells.map((c) => ({ ...c, reason: 'a reason', notes: ['a cell note'], samples: c.samples.map((s) => ({ ...s, outputTail: 'npm ERR! code 1' })) }));
  const planted = plantEverywhere(doc, '') as RunDocument;
  planted.settings.fixture = 'project secret-app';
  planted.command = ['mountbench', 'run', '--project', '/srv/work/secret-app', '--command', 'node ./scripts/build.js --out /Users/alice/tmp NODE_ENV=production', '--output', '/Users/alice/bench'];
  return planted;
}

describe('share on a run with a secret in every string field', () => {
  it('planted every string field the document has (the test reaches them all)', () => {
    const fields = strings(plantedRun()).filter((s) => s.endsWith(PLANTED)).length;
    assert.ok(fields > 100, `${fields} fields`);
  });

  it('keeps none of them anywhere in the result, notes, error tails and labels included', () => {
    const { result } = shareRun(plantedRun(), { includeProject: true, identity: ALICE });
    const all = strings(result).join('\n');
    for (const secret of SECRETS) {
      assert.ok(!all.includes(secret), `"${secret}" survived:\n${all.split('\n').filter((l) => l.includes(secret)).slice(0, 5).join('\n')}`);
    }
    assert.deepEqual(result.run.command, ['mountbench', 'run', '--project', '<project>', '--command', 'node <path> --out <path> NODE_ENV=<env>', '--output', '<output>']);
  });

  it('gives every planted value the same placeholder in every field, and the same result every time', () => {
    const first = shareRun(plantedRun(), { includeProject: true, identity: ALICE });
    const second = shareRun(plantedRun(), { includeProject: true, identity: ALICE });
    assert.equal(first.result.id, second.result.id);
    assert.deepEqual(first.result, second.result);
    // What the sentence became, swept alone by a redactor that knows the same names.
    const expected = new Redactor({ ...ALICE, projects: ['/srv/work/secret-app', 'secret-app'] }).text(` ${PLANTED}`);
    assert.equal(
      expected,
      ' <host> <host> <user> <home>/<path> <project> <project> <ip> <ip> <ip> <ip> <mac> unix://<home>/.colima/default/docker.sock NPM_TOKEN=<env> HOME=<env>',
    );
    const all = strings(first.result);
    const carried = all.filter((s) => s.endsWith(expected));
    assert.ok(carried.length > 50, `${carried.length} fields carried the sentence`);
    // Wherever the sentence was carried, it became exactly that: no field swept differently.
    assert.deepEqual(all.filter((s) => s.includes('NPM_TOKEN=') && !s.endsWith(expected)), []);
  });
});
