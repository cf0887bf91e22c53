// A command's output may be quiet for as long as the command is (src/docker/heartbeat.ts): quiet for a deadline, the
// engine is pinged; one that answers lets the wait go on, one that does not ends it with the reason, and output that
// keeps coming costs no ping at all.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, it } from 'node:test';
import Docker from 'dockerode';
import { EngineNotAnsweringError } from '../../src/docker/deadlines.js';
import { watchQuietStream } from '../../src/docker/heartbeat.js';

const dir = mkdtempSync(join(tmpdir(), 'mountbench-heartbeat-'));
const held: Socket[] = [];
const servers: Array<{ close(): void }> = [];
after(() => {
  for (const socket of held) socket.destroy();
  for (const server of servers) server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An engine that answers every ping, and counts them. */
async function answeringEngine(): Promise<{ socketPath: string; pings: () => number }> {
  const socketPath = join(dir, `answers-${servers.length}.sock`);
  let pings = 0;
  const server: Server = createHttpServer((request, response) => {
    if (request.url?.endsWith('/_ping')) pings++;
    response.end('OK');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return { socketPath, pings: () => pings };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a quiet command\'s output', () => {
  it('ends the wait with the reason when the engine stops answering', async () => {
    const socketPath = join(dir, 'frozen.sock');
    const server = createServer((socket) => void held.push(socket));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    const started = Date.now();
    const error = await new Promise<EngineNotAnsweringError>((resolve) => watchQuietStream(new Docker({ socketPath }), new PassThrough(), resolve, 200));
    assert.ok(error instanceof EngineNotAnsweringError);
    assert.equal(error.message, "the engine did not answer GET /_ping within 0.2 s, while a command's output had been quiet for as long: it may be frozen or overloaded");
    const took = Date.now() - started;
    assert.ok(took >= 350 && took < 3000, `took ${took} ms (quiet 0.2 s, then a ping of 0.2 s)`);
  });

  it('lets the wait go on while the engine answers its pings', async () => {
    const engine = await answeringEngine();
    let frozen: Error | null = null;
    const stop = watchQuietStream(new Docker({ socketPath: engine.socketPath }), new PassThrough(), (error) => (frozen = error), 100);
    await wait(700);
    stop();
    assert.equal(frozen, null);
    assert.ok(engine.pings() >= 3, `${engine.pings()} pings`);
  });

  it('pings no engine while output keeps coming', async () => {
    const engine = await answeringEngine();
    const output = new PassThrough();
    output.resume();
    const stop = watchQuietStream(new Docker({ socketPath: engine.socketPath }), output, () => assert.fail('counted as frozen'), 200);
    for (let i = 0; i < 10; i++) {
      output.write('line\n');
      await wait(50);
    }
    stop();
    assert.equal(engine.pings(), 0);
  });
});
