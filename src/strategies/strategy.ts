// What a strategy module does: build the sandbox its cells run in. The facts about a strategy (its title, whether
// it runs on the host or crosses the file sharing) are plain data in catalog.ts; this is the behaviour.
import type { Sandbox, SandboxContext, SandboxPlace } from '../bench/sandbox.js';
import type { Workload } from '../workloads/workload.js';

export interface Strategy {
  /** Place the workload's starting files and return the sandbox that runs its commands. A sandbox that must wait
   * after each timed step (a sync engine) gives itself a `settle`. */
  createSandbox(ctx: SandboxContext, workload: Workload, place: SandboxPlace): Promise<Sandbox>;
}
