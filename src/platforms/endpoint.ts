// A Docker endpoint as found on this machine, before anything is asked of it.
export interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
}

export interface Endpoint {
  /** What --platform takes: a context name or a well-known socket's product name. */
  name: string;
  /** Other names for the same engine (contexts or sockets that resolve to it). */
  aliases: string[];
  /** unix:///path, tcp://host:port, ssh://user@host, npipe://... */
  host: string;
  /** Where it was found: --context, DOCKER_HOST, DOCKER_CONTEXT, current context, context, socket. */
  source: string;
  /** The one the docker CLI would use right now. */
  current: boolean;
  tls: TlsFiles | null;
  skipTLSVerify: boolean;
}

export function socketPath(host: string): string | null {
  return host.startsWith('unix://') ? host.slice('unix://'.length) : null;
}
