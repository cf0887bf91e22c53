// No Engine API call waits forever (src/docker/deadlines.ts): against a socket that accepts and never answers — what
// a frozen engine looks like from the client — a plain request fails with a sentence within its deadline, and a
// request given a signal of its own ends when the signal does (or its deadline), and after a miss further requests
// are refused at once until a deadline has passed and the engine answers again.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Docker from 'dockerode';
import { EngineNotAnsweringError, withDeadlines } from '../../src/docker/deadlines.js';

const dir = mkdtempSync(join(tmpdir(), 'mountbench-frozen-'));
const socketPath = join(dir, 'frozen.sock');
const held: Socket[] = [];
let server: Server;
before(async () => {
  server = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});
after(() => {
  for (const socket of held) socket.destroy();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a frozen engine', () => {
  it('fails a plain request within its deadline, saying which request and why', async () => {
    const docker = withDeadlines(new Docker({ socketPath }), 300);
    const started = Date.now();
    await assert.rejects(docker.listContainers(), (error: Error) => {
      assert.ok(error instanceof EngineNotAnsweringError);
      assert.match(error.message, /the engine did not answer GET \/containers\/json within 0\.3 s: it may be frozen or overloaded/);
      return true;
    });
    assert.ok(Date.now() - started < 5000);
  });
  it('ends a request with a signal of its own when the signal does, as the caller\'s abort', async () => {
    const docker = withDeadlines(new Docker({ socketPath }), 60_000);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    await assert.rejects(docker.listContainers({ abortSignal: stop.signal }), (error: Error) => !(error instanceof EngineNotAnsweringError));
  });
  it('keeps the deadline of a request with a signal of its own (an interrupt that never comes)', async () => {
    const docker = withDeadlines(new Docker({ socketPath }), 300);
    const started = Date.now();
    await assert.rejects(docker.listContainers({ abortSignal: new AbortController().signal }), EngineNotAnsweringError);
    assert.ok(Date.now() - started < 5000);
  });
  it('after a miss, refuses further requests at once for a deadline, naming the one that missed', async () => {
    const docker = withDeadlines(new Docker({ socketPath }), 300);
    await assert.rejects(docker.listContainers(), EngineNotAnsweringError);
    const started = Date.now();
    await assert.rejects(docker.getContainer('c0ffee').remove({ force: true }), (error: Error) => {
      assert.ok(error instanceof EngineNotAnsweringError);
      assert.equal(error.message, 'the engine was not asked DELETE /containers/c0ffee: it did not answer GET /containers/json within 0.3 s and has not answered since');
      return true;
    });
    assert.ok(Date.now() - started < 100, `refused after ${Date.now() - started} ms`);
  });
});

describe('an engine that answers again', () => {
  it('is asked again a deadline after the miss, and its answer ends the refusals', async () => {
    // Frozen until `answering`: then every request gets an empty list.
    let answering = false;
    const path = join(dir, 'thaws.sock');
    const server = createServer((socket) => {
      held.push(socket);
      socket.on('data', () => answering && socket.end('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]'));
    });
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const docker = withDeadlines(new Docker({ socketPath: path }), 300);
      await assert.rejects(docker.listContainers(), EngineNotAnsweringError);
      answering = true;
      await assert.rejects(docker.listContainers(), /was not asked/, 'refused within a deadline of the miss');
      await new Promise((resolve) => setTimeout(resolve, 350));
      assert.deepEqual(await docker.listContainers(), []);
      assert.deepEqual(await docker.listContainers(), [], 'no longer refused');
    } finally {
      server.close();
    }
  });
});
