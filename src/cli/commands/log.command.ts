import type { Command } from 'commander';
import pc from 'picocolors';
import { LOG_KINDS } from '../../core/types.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatPerson } from '../format/person.format.js';
import type { Output } from '../output.js';
import { parseWhen } from '../parse-when.js';
import { parsePositive } from './option-parsers.js';

export function registerLog(program: Command, output: Output): void {
  program
    .command('log')
    .description("record a real conversation; the person's score and flags update at once")
    .argument('<person>', 'a name (or part of one) or an id like #12')
    .argument('<kind>', Object.keys(LOG_KINDS).join('|'))
    .option(
      '--at <when>',
      'when it happened: today, yesterday, "3 days ago", 2026-11-28, "2026-11-28 14:30"',
      'now',
    )
    .option('--minutes <n>', 'how long it lasted', parsePositive)
    .option('--note <text>', 'what you talked about, what was agreed')
    .option('--json', 'print the updated person as JSON')
    .action(
      async (
        person: string,
        kind: string,
        options: { at: string; minutes?: number; note?: string; json?: boolean },
        command: Command,
      ) => {
        const { logInteraction } = await import('../../services/log.service.js');
        const { result, now } = await withApp(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
          const now = ctx.clock();
          return {
            now,
            result: await logInteraction(ctx, {
              person,
              kind,
              at: parseWhen(options.at, now),
              minutes: options.minutes,
              note: options.note,
            }),
          };
        });
        if (options.json) output.json(result);
        else
          output.out(
            `${pc.green('Logged')} ${kind} with ${result.person.name}.\n\n${formatPerson(result.person, now)}`,
          );
      },
    );
}
