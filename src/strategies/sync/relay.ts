// The transport of an engine that runs on the host and talks to a server of its own in the container (unison):
// a unix socket of this process, each connection relayed to the stdin and stdout of a `docker exec` through the
// Engine API. The engine's "ssh" command is a small script that connects to the socket (relay-client.cjs). No port is
// published and no docker CLI is needed, any endpoint mountbench reaches works, and when this process ends the socket
// goes with it, so the engine cannot reconnect and stops too.
import type { LeftoverScope } from '../../bench/strategy.js';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { shellQuote } from '../../util/shell.js';
import { lastLine } from '../../util/text.js';
import { SYNC_SCRIPTS_DIR } from './tree.js';

const ERROR_TAIL = 2000;
const CLIENT_LOG = 'client.log';

/** Relay directories are <tmp>/mountbench-sync-<run id>-XXXXXX. */
export const RELAY_DIR_PREFIX = 'mountbench-sync-';

/** The relay directories that crashed runs left (a killed mountbench cannot remove its own): one run's, or every
 * run's but the live ones. Returns how many went. */
export function removeLeftRelays(scope: LeftoverScope, tmp = tmpdir()): number {
  let removed = 0;
  for (const name of readdirSync(tmp)) {
    const runId = /^mountbench-sync-(\d{8}-\d{6}-[0-9a-f]{4}(?:[0-9a-f]{4})?)-/.exec(name)?.[1];
    if (!runId || scope.live.has(runId) || (scope.runId && runId !== scope.runId)) continue;
    rmSync(join(tmp, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

export class ExecRelay {
  private readonly sockets = new Set<Socket>();
  private readonly streams = new Set<NodeJS.ReadWriteStream & { destroy(): void }>();
  /** The server side's stderr, for the reason of a failure. */
  private serverErrors = '';

  private constructor(
    private readonly server: Server,
    private readonly dir: string,
    /** Run it to reach the server: the engine's ssh command. */
    readonly command: string,
  ) {}

  /** Listen on a socket in a private directory; every connection runs `cmd` in the container. */
  static async open(docker: Docker, container: Docker.Container, cmd: string[], env: string[], runId: string): Promise<ExecRelay> {
    // A short path (unix sockets allow about 100 bytes), readable by this user only, named after its run so that
    // `mountbench clean` finds it if the run crashes.
    const dir = await mkdtemp(join(tmpdir(), `${RELAY_DIR_PREFIX}${runId}-`));
    const socketPath = join(dir, 'relay.sock');
    const command = join(dir, 'connect');
    // The client's stderr goes to a file of its own: node makes an inherited stderr non-blocking, and it is the engine's
    // stderr too (one open file), where unison then fails its writes with Sys_blocked_io whenever we read it late.
    await writeFile(command, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(join(SYNC_SCRIPTS_DIR, 'relay-client.cjs'))} ${shellQuote(socketPath)} 2>>${shellQuote(join(dir, CLIENT_LOG))}\n`);
    await chmod(command, 0o700);
    let relay: ExecRelay | null = null;
    const server = createServer((socket) => relay?.serve(docker, container, cmd, env, socket));
    relay = new ExecRelay(server, dir, command);
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
    return relay;
  }

  /** The last thing that went wrong on each side of the relay, for the reason of a failure. */
  get errors(): string {
    let client = '';
    try {
      client = readFileSync(join(this.dir, CLIENT_LOG), 'utf8').slice(-ERROR_TAIL);
    } catch {
      // No connection has written anything.
    }
    return [lastLine(client), lastLine(this.serverErrors)].filter(Boolean).join(' / ');
  }

  private async serve(docker: Docker, container: Docker.Container, cmd: string[], env: string[], socket: Socket): Promise<void> {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    try {
      const exec = await container.exec({ Cmd: cmd, Env: env, AttachStdin: true, AttachStdout: true, AttachStderr: true });
      const stream = (await exec.start({ hijack: true, stdin: true })) as NodeJS.ReadWriteStream & { destroy(): void };
      this.streams.add(stream);
      const stderr = new PassThrough();
      stderr.on('data', (chunk: Buffer) => (this.serverErrors = (this.serverErrors + chunk.toString()).slice(-ERROR_TAIL)));
      docker.modem.demuxStream(stream, socket, stderr);
      socket.pipe(stream);
      const end = () => {
        this.streams.delete(stream);
        socket.end();
      };
      stream.once('end', end);
      stream.once('close', end);
      stream.once('error', () => socket.destroy());
      socket.once('error', () => stream.destroy());
    } catch (error) {
      this.serverErrors = `${this.serverErrors}\n${(error as Error).message}`.slice(-ERROR_TAIL);
      socket.destroy();
    }
  }

  /** Stop listening, end every connection, remove the socket. */
  async close(): Promise<void> {
    for (const stream of this.streams) stream.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await rm(this.dir, { recursive: true, force: true });
  }
}
