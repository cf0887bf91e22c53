// `mountbench advise`: read the project's Compose files and devcontainer.json, advise named volumes over the
// directories its containers fill with what the measurements say that is worth, write the Compose override when
// asked, and measure the gain with the project's own command when asked.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { adviseProject, verifiableDirs } from '../advise/advice.js';
import { renderAdvice, renderVerification } from '../advise/render.js';
import { verificationOf, verifyOptions, type Verification } from '../advise/verify.js';
import { runCommand } from './run.js';
import { UsageError } from '../errors.js';
import { defaultEnvironment, discoverEndpoints } from '../platforms/discover.js';
import { selectEndpoints } from '../platforms/select.js';
import { historyPath, readHistoryOrWarn } from '../results/history.js';
import { readPublished } from '../results/published.js';
import { writeAtomically } from '../util/atomic-write.js';

export interface AdviseOptions {
  project: string;
  write: boolean;
  verify: boolean;
  command: string | null;
  platform: string | null;
  runs: number | 'auto' | null;
  online: boolean;
  output: string | null;
  json: boolean;
}

/** The platform the advice is for: the one named, else the current one (its name in the history). */
function platformName(name: string | null): string | null {
  const [endpoint] = selectEndpoints(discoverEndpoints(defaultEnvironment()), { names: name ? [name] : undefined, all: false });
  return endpoint?.name ?? null;
}

export async function adviseCommand(options: AdviseOptions, argv: string[]): Promise<number> {
  const project = resolve(options.project);
  if (!existsSync(project) || !statSync(project).isDirectory()) throw new UsageError(`--project ${options.project}: not a directory`);
  const history = await readHistoryOrWarn(historyPath());
  for (const line of history.damaged) process.stderr.write(`${line}\n`);
  const advice = await adviseProject(project, { platform: platformName(options.platform), history: history.entries, published: readPublished() });

  const dirs = verifiableDirs(advice);
  // Bad --verify input is reported before anything is written or run.
  if (options.verify && dirs.deps.length === 0) {
    throw new UsageError('--verify: no advised directory at the top of the project to measure (mountbench run --project takes top-level directories)');
  }
  const runOptions = options.verify
    ? verifyOptions({ project, deps: dirs.deps, command: options.command, runs: options.runs, platform: options.platform, online: options.online, output: options.output })
    : null;

  const override = advice.compose?.override;
  const written = options.write && !!override && override.added.length > 0;
  if (written) await writeAtomically(override!.file, override!.text);
  if (!options.json) process.stdout.write(renderAdvice(advice, { write: options.write, written }));

  let verification: Verification | null = null;
  if (runOptions) {
    // With --json the run's own table goes to stderr, leaving stdout to the JSON.
    const run = await runCommand(runOptions, argv, options.json ? process.stderr : process.stdout);
    verification = verificationOf(run.outcome, run.exitCode);
    if (!options.json) process.stdout.write(renderVerification(verification, dirs));
  }
  if (options.json) {
    const measured = verification && { runDir: verification.runDir, exitCode: verification.exitCode, gain: verification.gain, toVolume: verification.toVolume, dirs };
    process.stdout.write(`${JSON.stringify({ ...advice, written, verification: measured }, null, 2)}\n`);
  }
  return verification?.exitCode ?? 0;
}
