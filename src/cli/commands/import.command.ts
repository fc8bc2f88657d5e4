import type { Command } from 'commander';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatImportResult } from '../format/import.format.js';
import type { Output } from '../output.js';
import { parseRegion } from './option-parsers.js';

interface ImportFlags {
  json?: boolean;
  region?: string;
  map?: string;
  mapFile?: string;
}

export function registerImport(program: Command, output: Output): void {
  program
    .command('import')
    .description(
      'import exports: any mix of zips, folders and files, each recognised by its contents (several zips of one export are read together)',
    )
    .argument('<paths...>', 'export zips, folders or files')
    .option(
      '--region <CC>',
      'country for phone numbers written without a country code (e.g. DE, US)',
      parseRegion,
    )
    .option(
      '--map <mapping>',
      'read any CSV or JSON-lines file with this column mapping, e.g. "date=Date,person=Name,channel=Type,direction=Direction" (see docs/importing-mapped-csv.md)',
    )
    .option('--map-file <path>', 'the same, from a saved mapping file')
    .option('--json', 'print the reports as a JSON array, one per import')
    .action(async (paths: string[], options: ImportFlags, command: Command) => {
      const { importProgress } = await import('../progress.js');
      const { importPaths } = await import('../../services/import.service.js');
      const { parseMapping, readMappingFile } = await import('../../importers/mapped-csv/column-mapping.js');
      const mapping = options.mapFile
        ? await readMappingFile(options.mapFile)
        : options.map
          ? parseMapping(options.map)
          : undefined;
      const progress = importProgress(output);
      const results = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        importPaths(ctx, paths, {
          onEvent: options.json ? undefined : progress.onEvent,
          defaultRegion: options.region,
          mapping,
        }),
      ).finally(progress.stop);
      if (options.json) output.json(results);
      else output.out(results.map(formatImportResult).join('\n\n'));
    });
}
