// The library surface: everything a script needs to run, read and render benchmarks without the CLI.
export { runCommand, type RunOptions, type RunOutcome } from './commands/run.js';
export { MountbenchError, UsageError, CannotRunError, EXIT } from './errors.js';
export { discoverEndpoints, defaultEnvironment } from './platforms/discover.js';
export type { Endpoint } from './platforms/endpoint.js';
export { identify, platformKind } from './platforms/identify.js';
export { PLATFORM_KINDS, type KindId } from './platforms/kinds/catalog.js';
export { parseMountinfo, sharingMechanism } from './platforms/mountinfo.js';
export { parseRunDocument, readRunDocument } from './results/store.js';
export { saveRunDirectory } from './results/save.js';
export { RunDocument, runDocumentJsonSchema, type Cell, type Sample, type Summary } from './model/run-document.js';
export { viewOf, type ResultsView } from './results/view.js';
export { STRATEGY_CATALOG, IMPLEMENTED_STRATEGIES, type StrategyName, type ImplementedStrategy } from './model/strategies.js';
export { summariseCells } from './stats/summarise-cells.js';
export { EXPORTERS, exporterFor } from './report/exporters.js';
export { createWorkload, WORKLOAD_NAMES, workloadSummary, type WorkloadName } from './workloads/catalog.js';
export type { Measure, Step, Workload } from './workloads/workload.js';
export { parseProjectConfig, readProjectConfig, ProjectConfig, PROJECT_CONFIG_FILE } from './workloads/project-config.js';
