import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { EngineFacts } from '../../src/platforms/engine.js';
import { engineEvidence } from '../../src/platforms/evidence/evidence.js';
import { identify, platformIdentity, platformKind as kindOfEvidence, platformLabel as labelOfEvidence } from '../../src/platforms/identify.js';

const platformKind = (facts: EngineFacts) => kindOfEvidence(engineEvidence(facts));
const platformLabel = (kind: ReturnType<typeof platformKind>, facts: EngineFacts) => labelOfEvidence(kind, engineEvidence(facts));

interface Recording extends EngineFacts {
  source: string;
  expected: { kind: string; label: string };
}

const dir = new URL('../recordings/docker-info/', import.meta.url);
const recordings = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, ...(JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Recording) }));

describe('platform identification from recorded engine answers', () => {
  it('has recordings of several platforms, each with its source', () => {
    assert.ok(new Set(recordings.map((r) => r.expected.kind)).size >= 5);
    for (const r of recordings) assert.match(r.source, /\S/, r.file);
  });
  for (const r of recordings) {
    it(`${r.file} is ${r.expected.kind} ("${r.expected.label}")`, () => {
      const kind = platformKind(r);
      assert.equal(kind, r.expected.kind);
      assert.equal(platformLabel(kind, r), r.expected.label);
    });
  }
  it('recognises Podman by its engine component', () => {
    const facts: EngineFacts = { info: { OperatingSystem: 'debian', OSType: 'linux' }, version: { Version: '4.3.1', Components: [{ Name: 'Podman Engine', Version: '4.3.1' }] } };
    assert.equal(platformKind(facts), 'podman');
    assert.equal(platformLabel('podman', facts), 'Podman 4.3.1');
  });
  it('recognises Lima and Rancher Desktop by the VM host name', () => {
    assert.equal(platformKind({ info: { Name: 'lima-default', OperatingSystem: 'Ubuntu 24.04 LTS' }, version: {} }), 'lima');
    assert.equal(platformKind({ info: { Name: 'lima-rancher-desktop', OperatingSystem: 'Alpine Linux v3.20' }, version: {} }), 'rancher-desktop');
    assert.equal(platformKind({ info: { Name: 'x', KernelVersion: '5.15.167.4-microsoft-standard-WSL2', OperatingSystem: 'Ubuntu' }, version: {} }), 'wsl2');
  });
  it('fills the identity from the recorded facts', () => {
    const linux = recordings.find((r) => r.file === 'docker-linux-debian12.json')!;
    const id = platformIdentity({ name: 'default', host: 'unix:///var/run/docker.sock', source: 'default socket' }, identify(engineEvidence(linux)));
    assert.equal(id.engine.product, 'Docker Engine');
    assert.equal(id.engine.cpus, 2);
    assert.equal(id.engine.apiVersion, '1.41');
    assert.equal(id.engine.storageDriver, 'overlay2');
  });
});
