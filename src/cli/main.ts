import { Command, CommanderError } from 'commander';
import { registerBrief } from './commands/brief.command.js';
import { registerDeal } from './commands/deal.command.js';
import { registerImport } from './commands/import.command.js';
import { registerImports } from './commands/imports.command.js';
import { registerInsights } from './commands/insights.command.js';
import { registerLog } from './commands/log.command.js';
import { registerMerge } from './commands/merge.command.js';
import { registerPeople } from './commands/people.command.js';
import { registerPlan } from './commands/plan.command.js';
import { registerPlanning } from './commands/planning.command.js';
import { registerServe } from './commands/serve.command.js';
import { registerSettings } from './commands/settings.command.js';
import { registerShow } from './commands/show.command.js';
import { registerStart } from './commands/start.command.js';
import { registerToday } from './commands/today.command.js';
import { describeError, type Output, processOutput } from './output.js';

/** Builds the `rapport` command line. */
export function buildProgram(output: Output): Command {
  const program = new Command('rapport')
    .description('Turn online business relationships into real ones.')
    .option(
      '--db <path>',
      'SQLite file or postgres:// URL (default: RAPPORT_DB, DATABASE_URL, or ~/.local/share/rapport/rapport.db)',
    )
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) });
  for (const register of [
    registerStart,
    registerImport,
    registerToday,
    registerPeople,
    registerShow,
    registerBrief,
    registerLog,
    registerPlan,
    registerPlanning,
    registerDeal,
    registerInsights,
    registerImports,
    registerMerge,
    registerSettings,
    registerServe,
  ]) {
    register(program, output);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI with `argv` (as process.argv) and returns the exit code. */
export async function main(argv: readonly string[], output: Output = processOutput()): Promise<number> {
  const program = buildProgram(output);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed help or its own message.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { text, exitCode } = describeError(error, argv.includes('--json'));
    output.err(text);
    return exitCode;
  }
}
