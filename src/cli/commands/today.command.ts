import type { Command } from 'commander';
import { DEFAULT_TODAY_LIMIT, today } from '../../services/today.service.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatToday } from '../format/today.format.js';
import type { Output } from '../output.js';
import { parseCount } from './option-parsers.js';

export function registerToday(program: Command, output: Output): void {
  program
    .command('today')
    .description('the people to take offline now, each with the reason and the next step')
    .option('-n, --limit <n>', 'how many people', parseCount, DEFAULT_TODAY_LIMIT)
    .option('--json', 'print as JSON')
    .action(async (options: { limit: number; json?: boolean }, command: Command) => {
      const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        today(ctx, { limit: options.limit }),
      );
      if (options.json) output.json(result);
      else output.out(formatToday(result.entries));
    });
}
