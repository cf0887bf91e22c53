// The summarise step of a run: from what the executor measured to the run document every report renders from.
import { basename, resolve } from 'node:path';
import type { Execution } from '../bench/executor.js';
import { maxRuns } from '../bench/stop-rule.js';
import { timedSeconds } from '../bench/timed-seconds.js';
import type { HostFacts } from '../platforms/host.js';
import { SCHEMA_VERSION, type RunDocument } from '../model/run-document.js';
import { summariseCells } from '../stats/summarise-cells.js';
import { TOOL_VERSION } from '../version.js';
import type { Workload } from '../workloads/workload.js';
import type { RunOptions } from './options.js';

export interface RunFacts {
  id: string;
  argv: string[];
  startedAt: Date;
  wallSeconds: number;
  host: HostFacts;
  workloads: Workload[];
}

function statusOf(execution: Execution, cells: RunDocument['cells']): Pick<RunDocument, 'status' | 'statusReason'> {
  if (execution.interrupted) return { status: 'interrupted', statusReason: 'interrupted by a signal (Ctrl-C)' };
  if (!cells.some((c) => c.summary)) return { status: 'failed', statusReason: 'no cell produced a measurement' };
  const failed = cells.filter((c) => c.status === 'failed').length;
  return { status: 'complete', statusReason: failed > 0 ? `${failed} cell(s) failed` : null };
}

export function runDocument(options: RunOptions, execution: Execution, facts: RunFacts): RunDocument {
  const { sampling } = options;
  const auto = sampling.kind === 'auto' ? sampling : null;
  const looks = auto ? auto.looks : null;
  const cells = summariseCells(execution.cells, { order: options.order, margin: options.margin, looks, precision: auto?.precision ?? null });
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'mountbench', version: TOOL_VERSION },
    id: facts.id,
    command: facts.argv,
    startedAt: facts.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    ...statusOf(execution, cells),
    settings: {
      workloads: facts.workloads.map((w) => w.name),
      fixture: options.project ? `project ${basename(resolve(options.project.dir))}` : options.fixture,
      sizes: options.project ? {} : { ...options.sizes },
      strategies: options.strategies,
      runs: sampling.kind === 'fixed' ? sampling.runs : 'auto',
      auto: auto && {
        precision: auto.precision,
        looks: auto.looks.looks.map((look) => look.samples),
        minRuns: auto.looks.looks[0].samples,
        maxRuns: maxRuns(auto),
        maxSeconds: auto.maxSeconds,
      },
      margin: options.margin,
      ...(options.quietWait ? { quietWait: options.quietWait } : {}),
      warmup: options.warmup,
      image: options.image ?? 'default',
      online: options.online,
      order: options.order,
      // Each strategy's own settings, under its name.
      ...(options.strategySettings as Partial<RunDocument['settings']>),
    },
    host: facts.host,
    platforms: execution.platforms,
    priming: execution.priming,
    stopping: execution.stopping,
    cells,
    notes: [...facts.workloads.flatMap((w) => w.notes ?? []), ...execution.notes],
    timing: {
      wallSeconds: facts.wallSeconds,
      sampledSeconds: timedSeconds(cells, facts.workloads),
      primingSeconds: execution.priming.reduce((sum, p) => sum + p.seconds, 0),
    },
  };
}
