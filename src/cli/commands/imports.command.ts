import type { Command } from 'commander';
import { plural } from '../../core/duration.js';
import { listImports, undoImport } from '../../services/imports.service.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatImports } from '../format/import.format.js';
import type { Output } from '../output.js';
import { parsePositive } from './option-parsers.js';

export function registerImports(program: Command, output: Output): void {
  program
    .command('imports')
    .description('the history of imports with their counts')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const imports = await withApp(command.optsWithGlobals<GlobalOptions>(), listImports);
      if (options.json) output.json(imports);
      else output.out(formatImports(imports));
    });

  program
    .command('undo-import')
    .description('remove exactly what one import added, and nothing else')
    .argument('<id>', 'the import id (see rapport imports)', (v) => parsePositive(v.replace(/^#/, '')))
    .option('--json', 'print the result as JSON')
    .action(async (id: number, options: { json?: boolean }, command: Command) => {
      const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) => undoImport(ctx, id));
      if (options.json) output.json(result);
      else
        output.out(
          `Undid import #${result.importId}: removed ${plural(result.interactionsRemoved, 'interaction')}, ${plural(result.identitiesRemoved, 'identity', 'identities')} and ${plural(result.peopleRemoved, 'person', 'people')}.`,
        );
    });
}
