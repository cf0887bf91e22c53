// sync: the project in a named volume that a sync engine keeps in step, both ways, with a copy on the host (as the
// editor would see it) — unison, Mutagen, or the platform's own synchronized file share (choose.ts). Its
// initial sync and a correctness check run untimed at set-up; after every set-up, reset and timed step the sandbox
// settles: it waits, untimed, until the host and the volume agree again, and a sample fails when they never do.
import { join } from 'node:path';
import type Docker from 'dockerode';
import { bindMount, CONTAINER_PROJECT_DIR, containerSandbox, copyFixture, createVolume, volumeMount, type ContainerSandbox } from '../../bench/containers.js';
import { execCollect } from '../../docker/exec.js';
import type { CommandRunner } from '../../bench/runner.js';
import { SandboxUnavailableError, type SandboxContext, type SandboxPlace } from '../../bench/sandbox.js';
import type { CellSync } from '../../model/run-document.js';
import { recordOf } from './record.js';
import { chooseSyncEngine, findSyncEngines, type ChosenEngine } from './choose.js';
import { RUN_LABEL } from '../../util/labels.js';
import { checkCorrectness } from './correctness.js';
import { DockerDesktopShareSync } from './docker-desktop.js';
import { DEFAULT_SYNC_SETTINGS, type SyncSession, type SyncSettings } from './engine.js';
import { SYNC_FLAGS, syncSettings } from './flags.js';
import { MutagenSync, terminateLeftSessions } from './mutagen.js';
import { ExecRelay, removeLeftRelays } from './relay.js';
import { settle } from './settle.js';
import { containerSide, hostSide, listingOptions, type ListingOptions, type TreeSide } from './tree.js';
import { CONTAINER_SYNC_DIR, installUnisonServer, UNISON_SERVER, UNISON_STATE_ENV, UnisonSync } from './unison.js';
import { lastLine } from '../../util/text.js';
import type { Strategy } from '../../bench/strategy.js';

/** Both sides of the sandbox's sync, listed the way its engine promises to keep them alike. */
function sides(ctx: SandboxContext, base: ContainerSandbox, place: SandboxPlace, hostProjectDir: string, options: ListingOptions): { host: TreeSide; box: TreeSide } {
  return {
    host: hostSide(hostProjectDir, { ...options, cache: join(place.hostDir, 'tree-cache.json') }),
    box: containerSide(ctx.docker, base.container, CONTAINER_PROJECT_DIR, { ...options, cache: `${CONTAINER_SYNC_DIR}/tree-cache.json` }),
  };
}

async function inContainer(docker: Docker, container: Docker.Container, script: string): Promise<void> {
  const { exitCode, stdout, stderr } = await execCollect(docker, container, ['sh', '-c', script], CONTAINER_PROJECT_DIR);
  if (exitCode !== 0) throw new Error(`exit ${exitCode}: ${lastLine(stderr || stdout)}`);
}

/** Start the chosen engine on the host copy and the container's volume; its initial sync is timed in it. */
async function startEngine(chosen: ChosenEngine, ctx: SandboxContext, settings: SyncSettings, base: ContainerSandbox, place: SandboxPlace, hostProjectDir: string, closers: Array<() => Promise<void>>): Promise<SyncSession> {
  const timeoutMs = settings.settleTimeoutSeconds * 1000;
  if (chosen.engine === 'unison') {
    const unfit = await installUnisonServer(ctx.docker, base.container, chosen.binary, ctx.signal);
    if (unfit) throw new SandboxUnavailableError(unfit);
    const relay = await ExecRelay.open(ctx.docker, base.container, [UNISON_SERVER, '-server'], [`${UNISON_STATE_ENV}=${CONTAINER_SYNC_DIR}/state`], ctx.runId);
    closers.push(() => relay.close());
    const unisonPlace = { binary: chosen.binary, relay, hostRoot: hostProjectDir, containerRoot: CONTAINER_PROJECT_DIR, ignore: settings.ignore, stateDir: join(place.hostDir, 'unison'), runId: ctx.runId };
    return UnisonSync.start(unisonPlace, timeoutMs);
  }
  if (chosen.engine === 'mutagen') {
    const create = {
      name: place.name.replace(/[^a-zA-Z0-9-]/g, '-'),
      labels: { [RUN_LABEL]: ctx.runId },
      hostRoot: hostProjectDir,
      container: place.name,
      containerRoot: CONTAINER_PROJECT_DIR,
      ignore: settings.ignore,
    };
    return MutagenSync.start(create, chosen.version, ctx.platform.endpoint, timeoutMs);
  }
  const { host, box } = sides(ctx, base, place, hostProjectDir, listingOptions(DockerDesktopShareSync.PROMISES, []));
  return DockerDesktopShareSync.start(chosen.share, host, box, settings.settleTimeoutSeconds);
}

/** The runner of the container, whose abort (Ctrl-C) also stops the engine at once. */
function stoppingRunner(runner: CommandRunner, session: SyncSession): CommandRunner {
  return {
    run: (command) => runner.run(command),
    stream: (command, onLine) => runner.stream(command, onLine),
    mountinfo: () => runner.mountinfo(),
    abort: () => {
      session.kill();
      runner.abort();
    },
  };
}

export const syncStrategy: Strategy = {
  flags: SYNC_FLAGS,
  settings: syncSettings,
  // Its relays' directories on the host, and Mutagen's sessions, which live in Mutagen's daemon, engine or not.
  cleanLeftovers(scope) {
    const relays = removeLeftRelays(scope);
    const mutagen = terminateLeftSessions(scope);
    return [relays > 0 ? `sync: removed ${relays} relay director${relays > 1 ? 'ies' : 'y'} of crashed runs` : null, mutagen].filter(Boolean).join('\n') || null;
  },
  async createSandbox(ctx, workload, place) {
    const settings = (ctx.settings as SyncSettings | undefined) ?? DEFAULT_SYNC_SETTINGS;
    const hostProjectDir = join(place.hostDir, 'project');
    const chosen = chooseSyncEngine(settings.engine, findSyncEngines(ctx.platform, hostProjectDir));
    if ('why' in chosen) throw new SandboxUnavailableError(chosen.why);
    await copyFixture(workload, hostProjectDir);
    const shared = chosen.engine === 'docker-desktop';
    if (!shared) await createVolume(ctx, place.name, place.cellId);
    const base = await containerSandbox(ctx, workload, place, {
      mounts: [shared ? bindMount(hostProjectDir, CONTAINER_PROJECT_DIR) : volumeMount(place.name, CONTAINER_PROJECT_DIR)],
      volumes: shared ? [] : [place.name],
      hostProjectDir,
    });
    const closers: Array<() => Promise<void>> = [];
    let session: SyncSession | null = null;
    const teardown = async () => {
      await session?.stop().catch(() => undefined);
      for (const close of closers) await close().catch(() => undefined);
      await base.dispose();
    };
    try {
      await inContainer(ctx.docker, base.container, `mkdir -p ${CONTAINER_SYNC_DIR}`);
      session = await startEngine(chosen, ctx, settings, base, place, hostProjectDir, closers);
      const ignored = shared ? [] : settings.ignore;
      const { host, box } = sides(ctx, base, place, hostProjectDir, listingOptions(session.promises, ignored));
      const running = session;
      const settleNow = () => settle(host, box, (ms, thorough) => running.flush(ms, thorough), settings.settleTimeoutSeconds);
      const correctness = await checkCorrectness({
        hostRoot: hostProjectDir,
        inContainer: (script) => inContainer(ctx.docker, base.container, script),
        settle: settleNow,
        flush: () => running.flush(settings.settleTimeoutSeconds * 1000),
        host,
        container: box,
        promises: running.promises,
      });
      const sync: CellSync = {
        engine: chosen.engine,
        title: running.title,
        how: shared && settings.ignore.length > 0 ? `${running.how}; --sync-ignore does not apply to it` : running.how,
        ignored,
        initialSyncSeconds: running.initialSyncSeconds,
        engineCpuSeconds: running.cpuSeconds(),
        correctness,
      };
      return {
        ...base,
        runner: stoppingRunner(base.runner, running),
        settle: settleNow,
        record: () => recordOf(sync),
        dispose: async () => {
          sync.engineCpuSeconds = running.cpuSeconds();
          if (running.incidents.length > 0) sync.incidents = [...running.incidents];
          await teardown();
        },
      };
    } catch (error) {
      await teardown();
      throw error;
    }
  },
};
