// The executor's view of one platform's engine. The real one (docker-engine.ts) talks to Docker; unit tests hand in
// a small stand-in to check the executor's own rules (order, skipping, interrupts, cell status) without an engine.
import type { FileSharing, Priming } from '../model/run-document.js';
import type { ImplementedStrategy } from '../model/strategies.js';
import type { Workload } from '../workloads/workload.js';
import type { ResolvedImage } from '../docker/images.js';
import type { Sandbox } from './sandbox.js';
import type { ColdPass } from './cache-drop.js';
import type { EngineDisk } from '../platforms/engine-disk.js';
import type { LoadReading } from './machine-load.js';

export interface PlatformEngine {
  /** Find, pull, or copy from another platform of the run (`donors`) the image every sandbox of this platform
   * runs. Must come first. */
  useImage(requested: string | null, donors: readonly PlatformEngine[]): Promise<ResolvedImage>;
  /** This platform's name, as donors are named in notes. */
  readonly name: string;
  /** The image as a `docker save` stream for another platform, or null when this one does not have it. */
  exportImage(ref: string): Promise<NodeJS.ReadableStream | null>;
  /** How this platform's bind mounts reach a host directory, read from inside a probe container. */
  fileSharing(hostDir: string): Promise<FileSharing>;
  /** The free space of the engine's own disk (absent: an engine that cannot say, such as a stand-in). */
  diskSpace?(): Promise<EngineDisk>;
  /** Fill the platform's cache for a workload from the host's cache, or with its own network (untimed). */
  prime(workload: Workload, hostCacheDir: string | null): Promise<Priming | null>;
  openSandbox(strategy: ImplementedStrategy, workload: Workload, cellId: string, hostCacheDir: string | null): Promise<Sandbox>;
  /** Drop what a cold pass must not read from: what was dropped where, and why it is not fully cold. */
  dropCaches(strategy: ImplementedStrategy): Promise<ColdPass>;
  /** Where the engine runs in a VM of its own: that VM's load over `seconds` (other work in it); absent or null
   * elsewhere. */
  readVmLoad?(seconds: number): Promise<LoadReading | null>;
  /** Ctrl-C: end whatever runs on the platform now. */
  interrupt(): void;
  /** Remove everything the run created on the platform; also after a failure or an interrupt. Then count again:
   * returns what is still there and why (empty when everything went). */
  cleanUp(): Promise<string[]>;
}
