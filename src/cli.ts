// Command-line wiring only: options, help, and typed errors turned into exit codes in one place.
import { Command, CommanderError } from '@commander-js/extra-typings';
import pc from 'picocolors';
import { addAdviseCommand } from './cli/advise.js';
import { addCleanCommand } from './cli/clean.js';
import { addCompareCommand } from './cli/compare.js';
import { addDoctorCommand } from './cli/doctor.js';
import { addHistoryCommand } from './cli/history.js';
import { addIdentifyCommand } from './cli/identify.js';
import { addPlatformsCommand } from './cli/platforms.js';
import { addReportCommand } from './cli/report.js';
import { addRunCommand } from './cli/run.js';
import { addSchemaCommand } from './cli/schema.js';
import { addShareCommand } from './cli/share.js';
import { addSiteCommand } from './cli/site.js';
import { EXIT, MountbenchError } from './errors.js';
import { TOOL_VERSION } from './version.js';
import { safeText } from './util/safe-text.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('mountbench')
    .description('Measure, explain and fix container file-sharing performance: how much slower npm install runs in a bind mount than natively, on every Docker platform you have.')
    .version(TOOL_VERSION)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  // In the order `mountbench --help` lists them.
  for (const add of [addRunCommand, addAdviseCommand, addPlatformsCommand, addIdentifyCommand, addDoctorCommand, addReportCommand, addCompareCommand, addShareCommand, addSiteCommand, addHistoryCommand, addSchemaCommand, addCleanCommand]) add(program);
  return program;
}

/** The help line of the option an error names, so a usage error shows how to use that option. */
function relevantHelpLine(program: Command, message: string): string | null {
  const flag = message.match(/'(-[-\w]+)/)?.[1] ?? message.match(/(--[\w-]+)/)?.[1];
  if (!flag) return null;
  for (const command of [program, ...program.commands]) {
    const option = command.options.find((o) => o.flags.split(/[ ,|]+/).includes(flag) || o.long === flag);
    if (option) return `  ${option.flags}  ${option.description}`;
  }
  return null;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      const line = relevantHelpLine(program, error.message);
      process.stderr.write(`${pc.red(error.message)}\n${line ? `${line}\n` : ''}(see mountbench --help, or mountbench <command> --help)\n`);
      return EXIT.usage;
    }
    if (error instanceof MountbenchError) {
      process.stderr.write(`${pc.red(`error: ${safeText(error.message)}`)}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
