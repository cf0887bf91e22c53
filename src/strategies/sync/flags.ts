// The sync strategy's own flags of `mountbench run` and the settings they make: which engine, what it leaves out,
// how long a step may take to settle.
import type { StrategyFlag } from '../../bench/strategy.js';
import { parseDuration, parseNameList } from '../../util/parse.js';
import { DEFAULT_SYNC_SETTINGS, SYNC_ENGINES, type SyncSettings } from './engine.js';

export const SYNC_FLAGS = {
  syncEngine: {
    flags: '--sync-engine <name>',
    description: "the engine that keeps the volume in step with the host copy; auto: Docker Desktop's synchronized share where the run directory is in one, else Mutagen, else unison",
    choices: ['auto', ...SYNC_ENGINES],
    default: DEFAULT_SYNC_SETTINGS.engine,
  },
  syncIgnore: {
    flags: '--sync-ignore <list>',
    description: 'comma-separated names the engine leaves out wherever they are (e.g. node_modules: only the container needs it)',
    parse: parseNameList,
    default: DEFAULT_SYNC_SETTINGS.ignore,
  },
  settleTimeout: {
    flags: '--settle-timeout <duration>',
    description: 'how long the host and the volume may take to agree after a step before its sample fails',
    parse: parseDuration,
    default: DEFAULT_SYNC_SETTINGS.settleTimeoutSeconds,
  },
} as const satisfies Record<string, StrategyFlag>;

/** The settings from the flags' values (their defaults where absent). */
export function syncSettings(values: Readonly<Record<string, unknown>>): SyncSettings {
  return {
    engine: (values.syncEngine as SyncSettings['engine'] | undefined) ?? DEFAULT_SYNC_SETTINGS.engine,
    ignore: (values.syncIgnore as string[] | undefined) ?? DEFAULT_SYNC_SETTINGS.ignore,
    settleTimeoutSeconds: (values.settleTimeout as number | undefined) ?? DEFAULT_SYNC_SETTINGS.settleTimeoutSeconds,
  };
}
