// A unix socket in front of a real engine's socket that can freeze it: until `freeze()` it forwards bytes both ways;
// after, it holds every connection open and forwards nothing (it stops reading, so a client's writes back up as they
// would into an engine that no longer reads), and new connections are accepted and never answered. What a frozen
// engine looks like from the client, with the real engine behind it.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** One HTTP request line seen on its way to the engine. */
export interface RequestLine {
  method: string;
  /** Without its query. */
  path: string;
}

const REQUEST_LINE = /(?:^|\r\n)(GET|HEAD|POST|PUT|DELETE) (\S+) HTTP\/1\.[01]\r\n/g;

export class FreezingProxy {
  private frozen = false;
  private readonly sockets = new Set<Socket>();
  private readonly watchers: Array<(request: RequestLine) => void> = [];
  /** Every request line forwarded so far, in order. */
  readonly requests: RequestLine[] = [];

  private constructor(
    private readonly server: Server,
    readonly socketPath: string,
  ) {}

  /** A proxy listening on `socketPath`, forwarding to the engine's socket at `enginePath`. */
  static async start(socketPath: string, enginePath: string): Promise<FreezingProxy> {
    const server = createServer();
    const proxy = new FreezingProxy(server, socketPath);
    server.on('connection', (client) => proxy.accept(client, enginePath));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
    return proxy;
  }

  get isFrozen(): boolean {
    return this.frozen;
  }

  /** From now on nothing goes through, either way. */
  freeze(): void {
    this.frozen = true;
    for (const socket of this.sockets) socket.pause();
  }

  /** Freeze as soon as a request line matching `test` has gone through (the line's own chunk is forwarded). */
  freezeOn(test: (request: RequestLine) => boolean): Promise<RequestLine> {
    return new Promise((resolve) => {
      this.watchers.push((request) => {
        if (this.frozen || !test(request)) return;
        this.freeze();
        resolve(request);
      });
    });
  }

  /** Drop every connection and stop listening. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private hold(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }

  private accept(client: Socket, enginePath: string): void {
    this.hold(client);
    if (this.frozen) return void client.pause();
    const engine = createConnection(enginePath);
    this.hold(engine);
    client.on('data', (chunk: Buffer) => {
      if (this.frozen) return;
      engine.write(chunk);
      this.watch(chunk);
    });
    engine.on('data', (chunk: Buffer) => {
      if (!this.frozen) client.write(chunk);
    });
    // Until frozen, an end or a reset on one side ends the other (after, the held side stays as it is).
    client.on('close', () => this.frozen || engine.destroy());
    engine.on('close', () => this.frozen || client.destroy());
  }

  private watch(chunk: Buffer): void {
    for (const [, method, path] of chunk.toString('latin1').matchAll(REQUEST_LINE)) {
      const request = { method: method!, path: path!.split('?')[0]! };
      this.requests.push(request);
      for (const watcher of [...this.watchers]) watcher(request);
    }
  }
}
