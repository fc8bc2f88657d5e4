import type { Command } from 'commander';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatPerson } from '../format/person.format.js';
import type { Output } from '../output.js';
import { parsePositive } from './option-parsers.js';

export function registerShow(program: Command, output: Output): void {
  program
    .command('show')
    .description('one person: identities, score with each term, balance, flags and timeline')
    .argument('<person>', 'a name (or part of one) or an id like #12')
    .option('--timeline <n>', 'how many timeline entries', parsePositive, 50)
    .option('--json', 'print as JSON')
    .action(async (person: string, options: { timeline: number; json?: boolean }, command: Command) => {
      const { showPerson } = await import('../../services/person.service.js');
      const { detail, now } = await withApp(command.optsWithGlobals<GlobalOptions>(), async (ctx) => ({
        detail: await showPerson(ctx, person, { timelineLimit: options.timeline }),
        now: ctx.clock(),
      }));
      if (options.json) output.json(detail);
      else output.out(formatPerson(detail, now));
    });
}
