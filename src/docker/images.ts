// Which image a platform's containers run. The default is an official Node image; where no registry answers
// (CI here), the offline image that scripts/ensure-engine.sh builds stands in, and the run says so. An image that one
// platform has and another cannot pull is copied over (docker save | docker load, through the Engine API) before the
// platform is given up, with a note in the run.
import type Docker from 'dockerode';

export interface ResolvedImage {
  ref: string;
  id: string;
  /** What the reader should know about the choice (a fallback, a copy from another platform). */
  note: string | null;
}

export const DEFAULT_IMAGE = 'node:24-slim';
export const OFFLINE_IMAGE = 'mountbench/node:offline';
const PULL_TIMEOUT_MS = 10 * 60 * 1000;

/** Another platform of the run that may hold the image. */
export interface ImageDonor {
  name: string;
  /** The image as a `docker save` tar stream, or null when this platform does not have it. */
  exportImage(ref: string): Promise<NodeJS.ReadableStream | null>;
}

async function localImageId(docker: Docker, ref: string): Promise<string | null> {
  try {
    return (await docker.getImage(ref).inspect()).Id;
  } catch {
    return null;
  }
}

/** Wait for a stream of progress messages (pull, load) to end; its last error fails it. */
function followToEnd(docker: Docker, stream: NodeJS.ReadableStream, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took over ${PULL_TIMEOUT_MS / 60000} min`)), PULL_TIMEOUT_MS);
    docker.modem.followProgress(stream, (error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
  });
}

async function pull(docker: Docker, ref: string): Promise<string | null> {
  await followToEnd(docker, await docker.pull(ref), `pulling ${ref}`);
  return localImageId(docker, ref);
}

/** Copy the image from the first donor that has it; its name, or null when none could. */
async function copyFrom(docker: Docker, ref: string, donors: readonly ImageDonor[]): Promise<string | null> {
  for (const donor of donors) {
    const saved = await donor.exportImage(ref).catch(() => null);
    if (!saved) continue;
    try {
      await followToEnd(docker, (await docker.loadImage(saved)) as NodeJS.ReadableStream, `copying ${ref} from ${donor.name}`);
      if (await localImageId(docker, ref)) return donor.name;
    } catch {
      // try the next donor
    }
  }
  return null;
}

/** The image here, pulled, or copied from another platform; why not, otherwise. */
async function obtain(docker: Docker, ref: string, canPull: boolean, donors: readonly ImageDonor[]): Promise<ResolvedImage | { error: string }> {
  const local = await localImageId(docker, ref);
  if (local) return { ref, id: local, note: null };
  let error = 'not on this platform';
  if (canPull) {
    try {
      const pulled = await pull(docker, ref);
      if (pulled) return { ref, id: pulled, note: null };
      error = 'pull finished but the image is not there';
    } catch (e) {
      error = (e as Error).message.split('\n')[0];
    }
  }
  const donor = await copyFrom(docker, ref, donors);
  const copied = donor && (await localImageId(docker, ref));
  if (copied) return { ref, id: copied, note: `${ref} copied from ${donor} (docker save | docker load), as it could not be pulled here: ${error}` };
  return { error };
}

/** `requested` null: the default image, falling back to the offline one. */
export async function resolveImage(docker: Docker, requested: string | null, donors: readonly ImageDonor[] = []): Promise<ResolvedImage> {
  const ref = requested ?? DEFAULT_IMAGE;
  const found = await obtain(docker, ref, true, donors);
  if ('id' in found) return found;
  if (requested === null) {
    // The offline image is built on the machine, never pulled.
    const offline = await obtain(docker, OFFLINE_IMAGE, false, donors);
    if ('id' in offline) {
      const note = `${DEFAULT_IMAGE} is not available (${found.error}); using ${OFFLINE_IMAGE}`;
      return { ...offline, note: offline.note ? `${note}, ${offline.note}` : note };
    }
  }
  throw new Error(
    `image ${ref} is not on this platform and could not be pulled: ${found.error}` +
      (donors.length > 0 ? ', nor copied from another platform of the run' : '') +
      `. Pass an image with node and npm in it: --image REF` +
      (requested === null ? ` (on Linux as root, \`npm run engine\` builds ${OFFLINE_IMAGE} without a registry)` : ''),
  );
}

/** The image as a `docker save` stream, or null when it is not here. */
export async function saveImage(docker: Docker, ref: string): Promise<NodeJS.ReadableStream | null> {
  if (!(await localImageId(docker, ref))) return null;
  return docker.getImage(ref).get();
}

/** An image already on the platform, for probes that must not pull (`mountbench platforms`). */
export async function anyLocalImage(docker: Docker, preferred: string | null): Promise<string | null> {
  for (const ref of [preferred, DEFAULT_IMAGE, OFFLINE_IMAGE]) {
    if (ref && (await localImageId(docker, ref))) return ref;
  }
  return null;
}
