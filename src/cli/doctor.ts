// `mountbench doctor`: its options, the help that teaches them, and its action.
import type { Command } from '@commander-js/extra-typings';
import { doctorCommand } from '../commands/doctor.js';
import { historyPath } from '../results/history.js';
import { contextOption } from './options.js';

const DOCTOR_HELP = `
Per platform: its kind, engine and VM; how a bind mount of the project reaches a container (read from the
container's /proc/self/mountinfo) and how the platform's own settings configure file sharing (Docker Desktop's
settings-store.json, Colima's colima.yaml, Lima's lima.yaml, Rancher Desktop's settings.json, podman machine
inspect); then findings (broken, slow, info), each with its evidence, its source (a file, a run of this machine's
history, a published article) and, where a setting changes it, where and how.
Where what runs (the VM the engine answers from, the file sharing a container sees) is not what the settings say
(a setting not applied until a restart, or one that only a new VM applies), the row is flagged and a finding says so.

Examples:
  mountbench doctor                        the project is the current directory
  mountbench doctor --project ~/code/app
  mountbench doctor --json | jq '.[] | {name, findings: [.findings[] | select(.severity != "info") | .text]}'

Exit status: 0 when at least one platform answered, 2 when none did.
`;

export function addDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('say how each platform shares files (engine, container, its own settings), what that costs, and what to change')
    .option('--json', 'print the reports as JSON, for scripts')
    .option('--project <dir>', 'the project whose bind mounts are in question (default: the current directory)')
    .option('--image <ref>', 'local image for the file-sharing probe (default: the first of the default images found locally)')
    .addOption(contextOption())
    .addHelpText('after', DOCTOR_HELP)
    .action(async (opts) => {
      process.exitCode = await doctorCommand({ context: opts.context ?? null, json: opts.json ?? false, image: opts.image ?? null, project: opts.project ?? process.cwd(), historyFile: historyPath() });
    });
}
