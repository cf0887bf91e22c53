// Where discovery looks: the environment, the home directory and the root that sockets and settings files are
// found under. One value handed to every kind and settings reader, so tests can point them at recorded trees.
export interface DiscoveryEnvironment {
  env: NodeJS.ProcessEnv;
  home: string;
  /** --context given on the command line, like `docker --context`. */
  context?: string;
  /** Where system-wide sockets (/var/run/docker.sock, /run/podman) are looked for; "/" except in tests. */
  root?: string;
}
