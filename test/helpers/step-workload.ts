// The smallest workload the executor's tests on the stand-in engine need: one step, `<name> step`, timed.
import { wallTime, type Workload } from '../../src/workloads/workload.js';

export function stepWorkload(name = 'w'): Workload {
  return {
    name,
    description: name,
    fixtureDir: '/nowhere',
    copyExclude: [],
    dependencyDirs: [],
    setup: null,
    steps: [{ name: 'step', command: () => `${name} step` }],
    measures: [wallTime('step')],
    reset: `reset ${name}`,
    prime: null,
    hostRequirements: [],
  };
}
