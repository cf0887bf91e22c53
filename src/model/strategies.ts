// Every mount strategy by name, as plain data: what the reports call it, its colour, its help line, whether it is
// built, and the two facts the rest of the program asks of it. The schema's enum, the CLI's help and checks, report
// titles, order and chart colours all come from this table; the behaviour lives in one module per strategy
// (registry.ts). Key order is report order (the seed's: Native, No volumes, Bind mount + volume, Bind mount).

export interface StrategyInfo {
  /** The seed article's name ("Test Type"). */
  title: string;
  /** Okabe–Ito colour: distinguishable with the common colour-vision deficiencies. */
  colour: string;
  /** One line for --help. */
  help: string;
  implemented: boolean;
  /** Measured when --strategies is not given. */
  byDefault: boolean;
  /** Runs on the host itself, no container: needs the workload's programs and a cache on the host. */
  onHost: boolean;
  /** The project lives on the host and reaches the container through the platform's file sharing. */
  throughFileSharing: boolean;
}

export const STRATEGY_CATALOG = {
  native: {
    title: 'Native',
    colour: '#009E73',
    help: 'on the host, no container (needs the workload\'s programs, e.g. node and npm, on the host)',
    implemented: true,
    byDefault: true,
    onHost: true,
    throughFileSharing: false,
  },
  container: {
    title: 'No volumes',
    colour: '#56B4E9',
    help: 'copied into the container\'s own writable layer',
    implemented: true,
    byDefault: true,
    onHost: false,
    throughFileSharing: false,
  },
  hybrid: {
    title: 'Bind mount + volume',
    colour: '#E69F00',
    help: 'bind mount of the project + a named volume over each dependency directory (node_modules)',
    implemented: true,
    byDefault: true,
    onHost: false,
    throughFileSharing: true,
  },
  bind: {
    title: 'Bind mount',
    colour: '#D55E00',
    help: 'bind mount of the project directory',
    implemented: true,
    byDefault: true,
    onHost: false,
    throughFileSharing: true,
  },
  volume: {
    title: 'Volume',
    colour: '#0072B2',
    help: 'the whole project in a named volume',
    implemented: true,
    byDefault: true,
    onHost: false,
    throughFileSharing: false,
  },
  sync: {
    title: 'Sync',
    colour: '#CC79A7',
    help: 'a named volume kept in step with a copy on the host by a sync engine (--sync-engine: unison, Mutagen, Docker Desktop synchronized file shares)',
    implemented: true,
    // It needs a sync engine on the host, and its initial sync of a large project takes minutes.
    byDefault: false,
    onHost: false,
    throughFileSharing: false,
  },
} as const satisfies Record<string, StrategyInfo>;

export type StrategyName = keyof typeof STRATEGY_CATALOG;
export type ImplementedStrategy = {
  [K in StrategyName]: (typeof STRATEGY_CATALOG)[K]['implemented'] extends true ? K : never;
}[StrategyName];

/** Every strategy, in report order. */
export const STRATEGY_NAMES = Object.keys(STRATEGY_CATALOG) as [StrategyName, ...StrategyName[]];
export const IMPLEMENTED_STRATEGIES = STRATEGY_NAMES.filter((s) => STRATEGY_CATALOG[s].implemented) as ImplementedStrategy[];
/** What a run measures unless told otherwise: every strategy that is built and needs nothing more on the host. */
export const DEFAULT_STRATEGIES: readonly ImplementedStrategy[] = IMPLEMENTED_STRATEGIES.filter((s) => STRATEGY_CATALOG[s].byDefault);
/** The strategies that reports, findings and advice speak of by what they stand for; their names are said here only. */
export const STRATEGY_ROLES = {
  /** The reference of every ratio: the project on the host, no container at all. */
  reference: 'native',
  /** The plain bind mount: every file operation goes through the platform's file sharing. */
  sharedMount: 'bind',
  /** The seed articles' fix: the bind mount with a named volume over each dependency directory. */
  hybridFix: 'hybrid',
  /** Everything in a named volume: as fast as a container gets, invisible to the host. */
  allInVolume: 'volume',
  /** A named volume kept in step with a copy on the host by a sync engine: settles after every step. */
  synced: 'sync',
} as const satisfies Record<string, ImplementedStrategy>;

/** Ratios are to this strategy of the same platform. */
export const REFERENCE_STRATEGY = STRATEGY_ROLES.reference;

export function strategyInfo(name: StrategyName): StrategyInfo {
  return STRATEGY_CATALOG[name];
}

export function isImplemented(name: string): name is ImplementedStrategy {
  return (IMPLEMENTED_STRATEGIES as string[]).includes(name);
}
