import { type Command, InvalidArgumentError } from 'commander';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatMerges, formatSuggestions } from '../format/merge.format.js';
import type { Output } from '../output.js';
import { parsePositive } from './option-parsers.js';

function parseShare(value: string): number {
  const n = Number(value.replace(/%$/, '')) / (value.endsWith('%') ? 100 : 1);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('must be between 0 and 1 (or 0% and 100%).');
  return n;
}

export function registerMerge(program: Command, output: Output): void {
  program
    .command('duplicates')
    .description('people who are likely one human, with the reasons and how sure; never merged silently')
    .option('--min <confidence>', 'only suggestions at least this sure (0–1 or a percentage)', parseShare, 0)
    .option('--json', 'print as JSON')
    .action(async (options: { min: number; json?: boolean }, command: Command) => {
      const { duplicateSuggestions } = await import('../../services/merge.service.js');
      const found = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        duplicateSuggestions(ctx, options.min),
      );
      if (options.json) output.json(found);
      else output.out(formatSuggestions(found));
    });

  program
    .command('merge')
    .description('merge the second person into the first (recorded; undo with rapport unmerge)')
    .argument('<keep>', 'the person to keep: a name or an id like #12')
    .argument('<other>', 'the person merged into them')
    .option('--json', 'print the result as JSON')
    .action(async (keep: string, other: string, options: { json?: boolean }, command: Command) => {
      const { mergePeople } = await import('../../services/merge.service.js');
      const { findPerson } = await import('../../services/person-lookup.js');
      const result = await withApp(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const [a, b] = [await findPerson(ctx.store.db, keep), await findPerson(ctx.store.db, other)];
        return { mergeId: await mergePeople(ctx, a.id, b.id), kept: a, merged: b };
      });
      if (options.json)
        output.json({ mergeId: result.mergeId, keptId: result.kept.id, mergedId: result.merged.id });
      else
        output.out(
          `Merged #${result.merged.id} ${result.merged.display_name} into #${result.kept.id} ${result.kept.display_name} (merge #${result.mergeId}).\nUndo with: rapport unmerge ${result.mergeId}`,
        );
    });

  program
    .command('unmerge')
    .description('undo one merge exactly, including what later imports attached through it')
    .argument('<merge>', 'the merge id (see rapport merges)', (v) => parsePositive(v.replace(/^#/, '')))
    .option('--json', 'print the result as JSON')
    .action(async (mergeId: number, options: { json?: boolean }, command: Command) => {
      const { unmerge } = await import('../../services/merge.service.js');
      const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) => unmerge(ctx, mergeId));
      if (options.json) output.json(result);
      else
        output.out(
          `Undid merge #${mergeId}: #${result.restoredId} is a person of their own again, apart from #${result.keptId}.`,
        );
    });

  program
    .command('merges')
    .description('every merge, by hand or by a certain match in an import')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { listMerges } = await import('../../services/merge.service.js');
      const merges = await withApp(command.optsWithGlobals<GlobalOptions>(), listMerges);
      if (options.json) output.json(merges);
      else output.out(formatMerges(merges));
    });
}
