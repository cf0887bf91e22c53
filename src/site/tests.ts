// What makes two results' figures the same test: the workload's measure and what it ran on (the fixture of
// npm-install and build, the sizes of the generated workloads). Results of different fixtures never share a row.
// A project's figures describe that project alone: they stay on its result's page, out of every overview.
import { testTitle } from '../report/format.js';
import type { SharedCell, SharedResult } from '../share/schema.js';
import { sizesText } from '../workloads/sizes-text.js';

export interface TestKey {
  /** Stable and unique: "npm-install/time/cra", "files/create/files=200,fileBytes=1024". */
  key: string;
  title: string;
  workload: string;
  measure: string;
  fixture: string | null;
}

export function testOf(result: SharedResult, cell: Pick<SharedCell, 'workload' | 'measure'>): TestKey {
  const workload = result.workloads.find((w) => w.name === cell.workload);
  const fixture = workload?.fixture ?? null;
  const parameters = Object.entries(workload?.parameters ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const on = fixture ?? parameters;
  const title = `${testTitle(cell)}${fixture ? ` (${fixture} fixture)` : parameters ? ` (${sizesText(workload!.parameters)})` : ''}`;
  return { key: `${cell.workload}/${cell.measure}/${on}`, title, workload: cell.workload, measure: cell.measure, fixture };
}

export const comparableAcrossMachines = (test: TestKey) => test.workload !== 'project';
