// `mountbench run --debug-mode` (hidden): the whole run — flags, plan, sampling, summaries, the run directory, exit
// codes, signals — on one stand-in platform that runs nothing, as hyperfine's --debug-mode does. For tests of the
// CLI without an engine; its figures are made up and its run document says so (platform "stand-in").
//   MOUNTBENCH_DEBUG_DELAY_MS  how long each command takes to answer (default 0), to interrupt a run mid-sample
//   MOUNTBENCH_DEBUG_FAIL      a strategy whose commands exit 3
import type { PlatformTarget } from '../bench/executor.js';
import { StandInEngine, standInTarget } from '../bench/stand-in-engine.js';
import { strategyInfo, type ImplementedStrategy } from '../model/strategies.js';

/** Made-up seconds per strategy: the shape of a Mac, where the file sharing doubles the time. */
function seconds(strategy: ImplementedStrategy): number {
  const info = strategyInfo(strategy);
  return info.onHost ? 1 : info.throughFileSharing ? 2 : 1.05;
}

export function debugTarget(env: NodeJS.ProcessEnv = process.env): PlatformTarget {
  const failing = env.MOUNTBENCH_DEBUG_FAIL;
  const engine = new StandInEngine((strategy, _command, n) =>
    strategy === failing ? { exitCode: 3, output: `the ${strategy} command failed (MOUNTBENCH_DEBUG_FAIL)` } : { wallSeconds: seconds(strategy) * (1 + 0.01 * ((n * 7) % 5)) },
  );
  engine.delayMs = Number(env.MOUNTBENCH_DEBUG_DELAY_MS ?? 0) || 0;
  return standInTarget('stand-in', engine);
}
