import type { Command } from 'commander';
import pc from 'picocolors';
import { DEFAULT_TODAY_LIMIT, today } from '../../services/today.service.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatToday } from '../format/today.format.js';
import type { Output } from '../output.js';

export function registerStart(program: Command, output: Output): void {
  program
    .command('start')
    .description("the main job: open the database (with sample data when it is empty) and show today's list")
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      // The sample generator loads only here, when it may be needed.
      const { ensureSampleData } = await import('../../services/sample.service.js');
      const result = await withApp(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const sample = await ensureSampleData(ctx);
        return {
          database: ctx.store.description,
          sample,
          today: await today(ctx, { limit: DEFAULT_TODAY_LIMIT }),
        };
      });
      if (options.json) {
        output.json(result);
        return;
      }
      output.out(pc.dim(`Database: ${result.database}`));
      if (result.sample.imported) {
        const t = result.sample.imported.totals;
        output.out(
          `Your book was empty, so Rapport generated a sample LinkedIn export for a fictional salesperson and imported it: ${t.imported} records, ${t.peopleCreated} people, plus ${result.sample.logged} logged meetings.\nImport your own with: rapport import ~/Downloads/Complete_LinkedInDataExport_*.zip (and remove the sample with rapport undo-import ${result.sample.imported.importId}).\n`,
        );
      }
      output.out(pc.bold("Today's people to take offline\n"));
      output.out(formatToday(result.today.entries));
    });
}
