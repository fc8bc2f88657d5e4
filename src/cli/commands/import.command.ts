import type { Command } from 'commander';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatImportResult } from '../format/import.format.js';
import type { Output } from '../output.js';

export function registerImport(program: Command, output: Output): void {
  program
    .command('import')
    .description('import an export: a LinkedIn zip or unzipped folder (several zips of one export together)')
    .argument('<paths...>', 'export zip(s), folder or file')
    .option('--json', 'print the report as JSON')
    .action(async (paths: string[], options: { json?: boolean }, command: Command) => {
      const { importProgress } = await import('../progress.js');
      const progress = importProgress(output);
      const { importExport } = await import('../../services/import.service.js');
      const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        importExport(ctx, paths, { onEvent: options.json ? undefined : progress.onEvent }),
      ).finally(progress.stop);
      if (options.json) output.json(result);
      else output.out(formatImportResult(result));
    });
}
