import type { Command } from 'commander';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatImportResult } from '../format/import.format.js';
import type { Output } from '../output.js';

export function registerImport(program: Command, output: Output): void {
  program
    .command('import')
    .description(
      'import exports: any mix of zips, folders and files, each recognised by its contents (several zips of one export are read together)',
    )
    .argument('<paths...>', 'export zips, folders or files')
    .option('--json', 'print the reports as a JSON array, one per import')
    .action(async (paths: string[], options: { json?: boolean }, command: Command) => {
      const { importProgress } = await import('../progress.js');
      const progress = importProgress(output);
      const { importPaths } = await import('../../services/import.service.js');
      const results = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        importPaths(ctx, paths, { onEvent: options.json ? undefined : progress.onEvent }),
      ).finally(progress.stop);
      if (options.json) output.json(results);
      else output.out(results.map(formatImportResult).join('\n\n'));
    });
}
