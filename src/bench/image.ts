// Which image a platform's containers run. The default is an official Node image; where no registry answers
// (CI here), the offline image that scripts/ensure-engine.sh builds stands in, and the run says so.
import type Docker from 'dockerode';
import type { ResolvedImage } from './engine.js';

export const DEFAULT_IMAGE = 'node:24-slim';
export const OFFLINE_IMAGE = 'mountbench/node:offline';
const PULL_TIMEOUT_MS = 10 * 60 * 1000;

async function localImageId(docker: Docker, ref: string): Promise<string | null> {
  try {
    return (await docker.getImage(ref).inspect()).Id;
  } catch {
    return null;
  }
}

async function pull(docker: Docker, ref: string): Promise<void> {
  const stream = await docker.pull(ref);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pulling ${ref} took over ${PULL_TIMEOUT_MS / 60000} min`)), PULL_TIMEOUT_MS);
    docker.modem.followProgress(stream, (error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
  });
}

async function obtain(docker: Docker, ref: string): Promise<{ id: string } | { error: string }> {
  const local = await localImageId(docker, ref);
  if (local) return { id: local };
  try {
    await pull(docker, ref);
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] };
  }
  const pulled = await localImageId(docker, ref);
  return pulled ? { id: pulled } : { error: 'pull finished but the image is not there' };
}

/** `requested` null: the default image, falling back to the offline one. */
export async function resolveImage(docker: Docker, requested: string | null): Promise<ResolvedImage> {
  const ref = requested ?? DEFAULT_IMAGE;
  const found = await obtain(docker, ref);
  if ('id' in found) return { ref, id: found.id, note: null };
  if (requested === null) {
    const offline = await localImageId(docker, OFFLINE_IMAGE);
    if (offline) {
      return { ref: OFFLINE_IMAGE, id: offline, note: `${DEFAULT_IMAGE} is not available (${found.error}); using ${OFFLINE_IMAGE}` };
    }
  }
  throw new Error(
    `image ${ref} is not on this platform and could not be pulled: ${found.error}. ` +
      `Pass an image with node and npm in it: --image REF` +
      (requested === null ? ` (on Linux as root, \`npm run engine\` builds ${OFFLINE_IMAGE} without a registry)` : ''),
  );
}

/** An image already on the platform, for probes that must not pull (`mountbench platforms`). */
export async function anyLocalImage(docker: Docker, preferred: string | null): Promise<string | null> {
  for (const ref of [preferred, DEFAULT_IMAGE, OFFLINE_IMAGE]) {
    if (ref && (await localImageId(docker, ref))) return ref;
  }
  return null;
}
