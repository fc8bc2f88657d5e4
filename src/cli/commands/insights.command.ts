import type { Command } from 'commander';
import { INSIGHT_GROUPINGS, type InsightGrouping, insights } from '../../services/insights.service.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatInsights } from '../format/insights.format.js';
import type { Output } from '../output.js';
import { oneOf } from './option-parsers.js';

export function registerInsights(program: Command, output: Output): void {
  program
    .command('insights')
    .description(
      'the funnel from connected to deal, the offline ratio by month, who to talk to, and how deals close after a live conversation',
    )
    .option('--by <grouping>', `also per ${INSIGHT_GROUPINGS.join('|')}`, oneOf(INSIGHT_GROUPINGS))
    .option('--json', 'print as JSON')
    .action(async (options: { by?: InsightGrouping; json?: boolean }, command: Command) => {
      const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        insights(ctx, options.by ? { by: options.by } : {}),
      );
      if (options.json) output.json(result);
      else output.out(formatInsights(result));
    });
}
