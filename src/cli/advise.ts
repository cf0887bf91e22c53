// `mountbench advise`: its options, the help that teaches them, and its action.
import type { Command } from '@commander-js/extra-typings';
import { adviseCommand } from '../commands/advise.js';
import { HISTORY_ENV } from '../results/history.js';
import { PROJECT_CONFIG_FILE } from '../workloads/project-config.js';
import { runCount } from './parsers.js';

const ADVISE_HELP = `
What it reads (nothing is run unless --verify):
  compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml, and its override file, merged the way
  Compose merges a service's volumes (by target; anchors and merge keys resolved; \${VAR} from the shell and .env),
  and .devcontainer/devcontainer.json (comments allowed). A service that bind-mounts the project (".:/app",
  "type: bind, source: .") gets a named volume over each directory its tools fill, told by the project's files:
  package.json → node_modules (and .next, .nuxt, .svelte-kit, .parcel-cache, .cache where used), composer.json →
  vendor, pyproject.toml/requirements.txt → .venv, Cargo.toml/pom.xml → target, build.gradle → .gradle and build,
  Gemfile → vendor/bundle. Directories already under a volume or another mount are left as they are.

What the advice is worth: this machine's latest run on the platform that measured both layouts (the local history,
${HISTORY_ENV} moves it), else the seed articles' published figures, each named. Polling switches for hot reload
only when a watch run saw events missed through the bind mount; a sync or platform setting only when git or
traverse were slow through it.

--write writes compose.override.yaml next to the compose file, or adds to the existing override (its comments and
order kept). The compose file itself is never changed; writing twice changes nothing. devcontainer.json is never
written: its "mounts" entries are printed.

--verify times the project's own command (--command, or "command:" in ${PROJECT_CONFIG_FILE}) under the current
layout (mountbench run's bind strategy), the advised one (hybrid, a volume over each advised top-level directory)
and everything in a volume, on copies of the project, and prints the gain with its interval. Like mountbench run,
samples run offline unless --online (npm projects with a lockfile get a primed cache).

Examples:
  mountbench advise --project .                           what to change, and what it is worth
  mountbench advise --project . --write                   write (or extend) compose.override.yaml
  mountbench advise --project . --write --verify --command "npm ci"
                                                          and measure before and after
  mountbench advise --project ~/code/app --platform mountbench-lab --json
`;

export function addAdviseCommand(program: Command): void {
  program
    .command('advise')
    .description('read a project\'s compose files and devcontainer.json and advise named volumes over the directories its containers fill, with what the measurements say that is worth')
    .requiredOption('--project <dir>', 'the project: the directory holding its compose file or .devcontainer')
    .option('--write', 'write the advised volumes into compose.override.yaml (or the existing override file)')
    .option('--verify', 'measure the project\'s own command under the current and the advised layout')
    .option('--command <cmd>', `with --verify: the command to time (default: "command:" in ${PROJECT_CONFIG_FILE})`)
    .option('-p, --platform <name>', 'the platform the advice is for, and --verify measures on (default: the current one)')
    .option('-n, --runs <n|auto>', 'with --verify: measured samples per layout (default: 7, the fewest with which the gain has an interval)', runCount)
    .option('--online', 'with --verify: let the command reach the network')
    .option('-o, --output <dir>', 'with --verify: the run directory (default: ./mountbench-results/<run id>)')
    .option('--json', 'print the advice as JSON')
    .addHelpText('after', ADVISE_HELP)
    .action(async (opts) => {
      process.exitCode = await adviseCommand(
        {
          project: opts.project,
          write: opts.write ?? false,
          verify: opts.verify ?? false,
          command: opts.command ?? null,
          platform: opts.platform ?? null,
          runs: opts.runs ?? null,
          online: opts.online ?? false,
          output: opts.output ?? null,
          json: opts.json ?? false,
        },
        ['mountbench', ...process.argv.slice(2)],
      );
    });
}
