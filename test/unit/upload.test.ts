// A copy into a container has a stall deadline, not a total one (src/docker/upload.ts): against sockets that act as a
// frozen engine does — one that stops reading, one that reads the whole archive and never answers — the upload fails
// within its deadline, saying which and why; a live engine gets every byte; an interrupt ends it at once; an archive
// that fails fails the upload with its own reason.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import Docker from 'dockerode';
import { EngineNotAnsweringError } from '../../src/docker/deadlines.js';
import { uploadArchive } from '../../src/docker/upload.js';

const dir = mkdtempSync(join(tmpdir(), 'mountbench-upload-'));
const held: Socket[] = [];
const servers: Server[] = [];
after(() => {
  for (const socket of held) socket.destroy();
  for (const server of servers) server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A socket whose every connection is handled by `onConnection`; its path. */
async function engineSocket(name: string, onConnection: (socket: Socket) => void): Promise<string> {
  const path = join(dir, `${name}.sock`);
  const server = createServer((socket) => (held.push(socket), onConnection(socket)));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return path;
}

const container = (socketPath: string) => new Docker({ socketPath }).getContainer('c0ffee');
/** An archive of `bytes` random bytes, in 64 KiB chunks. */
const archiveOf = (bytes: number) => Readable.from((function* () {
  for (let sent = 0; sent < bytes; sent += 65_536) yield randomBytes(Math.min(65_536, bytes - sent));
})());

describe('an upload into a container', () => {
  it('fails within its deadline when the engine stops taking the archive', async () => {
    // The engine reads nothing: the socket's buffers fill, and the rest of 64 MiB waits.
    const socketPath = await engineSocket('stops-reading', (socket) => socket.pause());
    const started = Date.now();
    await assert.rejects(uploadArchive(container(socketPath), archiveOf(64 << 20), '/mountbench/project', { what: '/home/me/app', deadlineMs: 300 }), (error: Error) => {
      assert.ok(error instanceof EngineNotAnsweringError);
      assert.equal(error.message, 'the engine took no byte of the upload of /home/me/app into /mountbench/project for 0.3 s: it may be frozen or overloaded');
      return true;
    });
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });

  it('fails within its deadline when the engine takes the whole archive and never answers', async () => {
    let received = 0;
    const socketPath = await engineSocket('never-answers', (socket) => socket.on('data', (chunk: Buffer) => (received += chunk.length)));
    await assert.rejects(uploadArchive(container(socketPath), archiveOf(200_000), '/mountbench/project', { what: '/home/me/app', deadlineMs: 300 }), (error: Error) => {
      assert.ok(error instanceof EngineNotAnsweringError);
      assert.equal(error.message, 'the engine did not answer the upload of /home/me/app into /mountbench/project within 0.3 s of its end: it may be frozen or overloaded');
      return true;
    });
    assert.ok(received > 200_000, `the engine read ${received} bytes`);
  });

  it('waits for a slow engine that keeps taking the archive, longer than the deadline in all', async () => {
    const path = join(dir, 'slow.sock');
    let body = 0;
    // 2 MiB taken 64 KiB every 30 ms: about a second in all, against a deadline of 0.3 s.
    const server = createHttpServer((request, response) => {
      request.on('data', (chunk: Buffer) => {
        body += chunk.length;
        request.pause();
        setTimeout(() => request.resume(), 30);
      });
      request.on('end', () => response.end());
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path, resolve));
    const started = Date.now();
    await uploadArchive(container(path), archiveOf(2 << 20), '/mountbench/project', { what: '/home/me/app', deadlineMs: 300 });
    assert.equal(body, 2 << 20, 'every byte of the archive arrived');
    assert.ok(Date.now() - started > 600, `took only ${Date.now() - started} ms: the engine did not slow it down`);
  });

  it('ends at once on the run\'s interrupt, as an interrupt', async () => {
    const socketPath = await engineSocket('interrupted', (socket) => socket.pause());
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const started = Date.now();
    await assert.rejects(uploadArchive(container(socketPath), archiveOf(64 << 20), '/x', { what: '/home/me/app', deadlineMs: 60_000, signal: stop.signal }), (error: Error) => {
      assert.ok(!(error instanceof EngineNotAnsweringError));
      assert.equal(error.message, 'interrupted');
      return true;
    });
    assert.ok(Date.now() - started < 5000);
  });

  it('fails with the archive\'s own reason when the archive fails', async () => {
    const socketPath = await engineSocket('reads', (socket) => socket.resume());
    const broken = new Readable({ read() {} });
    broken.push(randomBytes(1000));
    setTimeout(() => broken.destroy(new Error('cannot copy /home/me/app/secret.key: EACCES')), 50);
    await assert.rejects(uploadArchive(container(socketPath), broken, '/x', { what: '/home/me/app', deadlineMs: 60_000 }), /cannot copy \/home\/me\/app\/secret\.key: EACCES/);
  });
});
