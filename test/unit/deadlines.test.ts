// No Engine API call waits forever (src/docker/deadlines.ts): against a socket that accepts and never answers — what
// a frozen engine looks like from the client — a plain request fails with a sentence within its deadline, and a
// request given a signal of its own ends when the signal does.
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
  it('leaves a request with a signal of its own to that signal', async () => {
    const docker = withDeadlines(new Docker({ socketPath }), 60_000);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    await assert.rejects(docker.listContainers({ abortSignal: stop.signal }), (error: Error) => !(error instanceof EngineNotAnsweringError));
  });
});
