// Talk to one endpoint: a dockerode client, and the engine's own description of itself.
import { readFileSync } from 'node:fs';
import Docker from 'dockerode';
import type { Endpoint } from './endpoint.js';
import { socketPath } from './endpoint.js';
import { withDeadlines } from '../docker/deadlines.js';

/** Every setting docker-modem fills from the environment (DOCKER_HOST, DOCKER_CERT_PATH, …): cleared, so that each
 * client talks to its own endpoint whatever the environment says. (Its defaults read DOCKER_HOST and win over a
 * socketPath given beside them: with DOCKER_HOST=tcp://… set, every unix socket reached that engine instead.) */
const NOT_FROM_THE_ENVIRONMENT = {
  socketPath: undefined,
  host: undefined,
  port: undefined,
  protocol: undefined,
  username: undefined,
  sshOptions: undefined,
  pathPrefix: undefined,
  ca: undefined,
  cert: undefined,
  key: undefined,
  timeout: undefined,
} as const;

export function connect(endpoint: Endpoint): Docker {
  const path = socketPath(endpoint.host);
  if (path) return withDeadlines(new Docker({ ...NOT_FROM_THE_ENVIRONMENT, socketPath: path }));
  const url = new URL(endpoint.host);
  if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
    const tls = endpoint.tls;
    const read = (file?: string) => (file ? readFileSync(file) : undefined);
    return withDeadlines(new Docker({
      ...NOT_FROM_THE_ENVIRONMENT,
      host: url.hostname,
      port: Number(url.port || (tls ? 2376 : 2375)),
      protocol: tls || url.protocol === 'https:' ? 'https' : 'http',
      ca: read(tls?.ca),
      cert: read(tls?.cert),
      key: read(tls?.key),
    }));
  }
  throw new Error(
    `${url.protocol.replace(':', '')}:// endpoints are not supported yet; expose the engine on a unix socket or tcp://`,
  );
}

/** The parts of GET /info and GET /version that identification reads. */
export interface EngineFacts {
  info: {
    Name?: string;
    OperatingSystem?: string;
    OSType?: string;
    KernelVersion?: string;
    Architecture?: string;
    NCPU?: number;
    MemTotal?: number;
    ServerVersion?: string;
    Driver?: string;
    SecurityOptions?: string[] | null;
    DockerRootDir?: string;
    /** Podman and socktainer name themselves here ("socktainer [Apache License 2.0], Apple container [...]"). */
    ProductLicense?: string;
  };
  version: {
    Version?: string;
    ApiVersion?: string;
    Platform?: { Name?: string };
    Components?: Array<{ Name?: string; Version?: string }> | null;
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function readEngineFacts(docker: Docker, timeoutMs = 5000): Promise<EngineFacts> {
  await withTimeout(docker.ping(), timeoutMs, 'the engine');
  const [info, version] = await Promise.all([
    withTimeout(docker.info(), timeoutMs, 'GET /info'),
    withTimeout(docker.version(), timeoutMs, 'GET /version'),
  ]);
  return { info, version } as EngineFacts;
}

/** A short, human reason from a connection error (ENOENT on a socket is "not running"). */
export function unreachableReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'socket does not exist (not running)';
  if (e?.code === 'ECONNREFUSED') return 'connection refused (not running)';
  if (e?.code === 'EACCES') return 'permission denied on the socket (add yourself to the docker group, or use sudo)';
  return e?.message ?? String(error);
}
