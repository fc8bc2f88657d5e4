import type { Command } from 'commander';
import { RapportError } from '../../errors.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatPlanning } from '../format/planning.format.js';
import type { Output } from '../output.js';
import { readTextFile } from '../read-text-file.js';

export function registerPlanning(program: Command, output: Output): void {
  const planning = program
    .command('planning')
    .description('when and where you meet, who you are on invites, and the message templates');
  planning
    .command('show', { isDefault: true })
    .description('the planning settings in force and every message template')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { messageTemplates, planningSettings } = await import(
        '../../services/planning-settings.service.js'
      );
      const { settings, templates } = await withApp(
        command.optsWithGlobals<GlobalOptions>(),
        async (ctx) => ({
          settings: await planningSettings(ctx),
          templates: await messageTemplates(ctx),
        }),
      );
      if (options.json) output.json({ ...settings, templates });
      else output.out(formatPlanning(settings, templates));
    });
  planning
    .command('template')
    .description('use your own message template for a kind, or go back to Rapport’s')
    .argument('<kind>', 'coffee, lunch, video, call or email')
    .option('--file <file>', 'a plain-text template with {placeholders} (see docs/planning.md)')
    .option('--reset', "go back to Rapport's template")
    .action(async (kind: string, options: { file?: string; reset?: boolean }, command: Command) => {
      if ((options.file === undefined) === !options.reset)
        throw new RapportError('input.invalid', 'Give either --file FILE with your template or --reset.');
      const { resetTemplate, setTemplate } = await import('../../services/planning-settings.service.js');
      const text = options.file === undefined ? undefined : await readTextFile(options.file);
      const saved = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        text === undefined ? resetTemplate(ctx, kind) : setTemplate(ctx, kind, text),
      );
      output.out(
        saved.custom
          ? `Saved your ${saved.kind} template; new ${saved.kind} plans are drafted with it.`
          : `Back to Rapport's ${saved.kind} template.`,
      );
    });
}
