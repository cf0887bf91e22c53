// Two runs started together on one engine never collide (issue 19, item 3): while they run, each one's containers,
// volumes, work copies and sync relay directories are its own; they share one history and one registry of live runs,
// where each leaves one whole line and then nothing; and once both end, nothing of either is left anywhere.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { HistoryEntry } from '../../src/results/history.js';
import { readRunDocument } from '../../src/results/store.js';
import { RELAY_DIR_PREFIX } from '../../src/strategies/sync/relay.js';
import { PID_LABEL, ROLE_LABEL, RUN_LABEL } from '../../src/util/labels.js';
import { startCli } from '../helpers/cli.js';
import { leftovers, requireEngine } from '../helpers/engine.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-concurrent-'));
let docker: Docker;
before(async () => {
  docker = await requireEngine();
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** What one run was seen using while it ran, by the process that made it. */
interface Seen {
  runIds: Set<string>;
  /** Names of the objects the run named itself (a probe's throw-away container is named by the engine). */
  named: Set<string>;
  containers: Set<string>;
  volumes: Set<string>;
  relayDirs: Set<string>;
  workDirSeen: boolean;
}

const seen = (): Seen => ({ runIds: new Set(), named: new Set(), containers: new Set(), volumes: new Set(), relayDirs: new Set(), workDirSeen: false });

/** One look at the engine and the host: every object labelled by one of the processes, filed under it. */
async function look(byPid: Map<number, Seen>, workDirs: Map<number, string>): Promise<void> {
  const [containers, { Volumes }] = await Promise.all([
    docker.listContainers({ all: true, filters: { label: [RUN_LABEL] } }),
    docker.listVolumes({ filters: { label: [RUN_LABEL] } }),
  ]);
  const objects = [
    ...containers.map((c) => ({ kind: 'containers' as const, name: c.Names[0].replace(/^\//, ''), labels: c.Labels })),
    ...(Volumes ?? []).map((v) => ({ kind: 'volumes' as const, name: v.Name, labels: v.Labels ?? {} })),
  ];
  for (const o of objects) {
    const mine = byPid.get(Number(o.labels[PID_LABEL]));
    if (!mine) continue; // another process's run on the same engine
    mine.runIds.add(o.labels[RUN_LABEL]);
    mine[o.kind].add(o.name);
    if (o.labels[ROLE_LABEL] !== 'probe') mine.named.add(o.name);
  }
  for (const [pid, mine] of byPid) {
    if (existsSync(workDirs.get(pid)!)) mine.workDirSeen = true;
    for (const id of mine.runIds) {
      for (const d of readdirSync(tmpdir()).filter((d) => d.startsWith(`${RELAY_DIR_PREFIX}${id}-`))) mine.relayDirs.add(d);
    }
  }
}

const disjoint = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x));

describe('two runs started together on one engine', () => {
  it('each keep their own names, volumes, work copies, relay directories and history line, and leave nothing', { timeout: 150_000 }, async () => {
    const history = join(scratch, 'history.jsonl');
    const registry = join(scratch, 'live-runs');
    const outputs = [join(scratch, 'a'), join(scratch, 'b')];
    const args = (out: string) => ['run', '--workload', 'files', '--files', '100', '--strategies', 'bind,volume,sync', '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain'];
    const env = { MOUNTBENCH_HISTORY: history, MOUNTBENCH_RUNS_DIR: registry };
    // Started in one tick: the same second, most often, which is what a run id is drawn from.
    const runs = outputs.map((out) => startCli(args(out), env));
    const pids = runs.map((r) => r.child.pid!);
    const byPid = new Map(pids.map((pid) => [pid, seen()]));
    const workDirs = new Map(pids.map((pid, i) => [pid, join(outputs[i], '.work')]));

    let running = true;
    const ended = Promise.all(runs.map((r) => r.done)).finally(() => (running = false));
    while (running) {
      await look(byPid, workDirs);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const results = await ended;
    results.forEach((r, i) => assert.equal(r.code, 0, `run ${i}: ${r.stderr}`));

    const docs = await Promise.all(outputs.map((out) => readRunDocument(join(out, 'run.json'))));
    const [a, b] = pids.map((pid) => byPid.get(pid)!);
    assert.notEqual(docs[0].id, docs[1].id, 'two run ids');
    docs.forEach((doc, i) => {
      const mine = byPid.get(pids[i])!;
      assert.deepEqual([...mine.runIds], [doc.id], `run ${i} labelled its objects with its own id alone`);
      assert.ok(mine.containers.size >= 3 && mine.volumes.size >= 2, `run ${i} was seen at work: ${mine.containers.size} containers, ${mine.volumes.size} volumes`);
      for (const name of mine.named) assert.ok(name.includes(doc.id), `${name} is named after run ${doc.id}`);
      assert.ok(mine.workDirSeen, `run ${i}'s work copies were seen in ${workDirs.get(pids[i])}`);
      assert.ok(mine.relayDirs.size >= 1, `run ${i}'s sync relay directory was seen`);
      assert.equal(doc.cells.length, docs[1 - i].cells.length);
      for (const cell of doc.cells) assert.equal(cell.status, 'ok', `run ${i} ${cell.id}: ${cell.reason}`);
    });
    assert.deepEqual(disjoint(a.containers, b.containers), [], 'no container name shared');
    assert.deepEqual(disjoint(a.volumes, b.volumes), [], 'no volume name shared');
    assert.deepEqual(disjoint(a.relayDirs, b.relayDirs), [], 'no relay directory shared');

    // One whole line per run in the shared history, each a history entry, each its run's.
    const lines = readFileSync(history, 'utf8').split('\n').filter(Boolean);
    assert.equal(lines.length, 2, lines.join('\n'));
    const entries = lines.map((line) => HistoryEntry.parse(JSON.parse(line)));
    assert.deepEqual(entries.map((e) => e.id).sort(), docs.map((d) => d.id).sort());
    assert.deepEqual(entries.map((e) => e.runFile).sort(), outputs.map((out) => join(out, 'run.json')).sort());

    // Nothing left: on the engine, in the run directories, in the temporary directory, in the registry of live runs.
    for (const doc of docs) assert.equal(await leftovers(docker, doc.id), 0, `objects of run ${doc.id}`);
    for (const out of outputs) assert.ok(!existsSync(join(out, '.work')), `${out}/.work removed`);
    for (const d of [...a.relayDirs, ...b.relayDirs]) assert.ok(!existsSync(join(tmpdir(), d)), `${d} removed`);
    assert.deepEqual(existsSync(registry) ? readdirSync(registry) : [], [], 'both runs said they ended');
  });
});
