import { type Command, InvalidArgumentError } from 'commander';
import { RELATIONSHIP_TYPES } from '../../core/types.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatPerson } from '../format/person.format.js';
import type { Output } from '../output.js';
import { oneOf } from './option-parsers.js';

function parseCadence(value: string): number | null {
  if (value.toLowerCase() === 'none') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a whole number of days, or none.');
  return n;
}

export function registerSettings(program: Command, output: Output): void {
  program
    .command('set')
    .description('set what a person is to you and how often you want a real conversation with them')
    .argument('<person>', 'a name (or part of one) or an id like #12')
    .option('--type <type>', RELATIONSHIP_TYPES.join('|'), oneOf(RELATIONSHIP_TYPES))
    .option('--cadence <days>', "days between real conversations, or none to use the type's", parseCadence)
    .option('--json', 'print the updated person as JSON')
    .action(
      async (
        person: string,
        options: { type?: string; cadence?: number | null; json?: boolean },
        command: Command,
      ) => {
        const { updatePerson } = await import('../../services/person-update.service.js');
        const { detail, now } = await withApp(command.optsWithGlobals<GlobalOptions>(), async (ctx) => ({
          detail: await updatePerson(ctx, person, {
            relationshipType: options.type,
            cadenceDays: options.cadence,
          }),
          now: ctx.clock(),
        }));
        if (options.json) output.json(detail);
        else output.out(formatPerson(detail, now));
      },
    );

  const config = program
    .command('config')
    .description('the scoring settings: weights, half-life, thresholds, cadences by relationship type');
  config
    .command('show', { isDefault: true })
    .description('the settings in force and what you changed')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { scoreSettings } = await import('../../services/settings.service.js');
      const settings = await withApp(command.optsWithGlobals<GlobalOptions>(), scoreSettings);
      if (options.json) output.json(settings);
      else
        output.out(
          `${JSON.stringify(settings.effective, null, 2)}\n\nChanged by you: ${JSON.stringify(settings.overrides)}`,
        );
    });
  config
    .command('set')
    .description('change one setting, e.g. rapport config set cadenceDays.prospect 14')
    .argument(
      '<key>',
      'dotted name: halfLifeDays, weights.email, stuck.windowDays, cadenceDays.client, …; planning.workStart, planning.yourEmail, … (see rapport planning)',
    )
    .argument('<value>', 'a number, or none for no cadence')
    .action(async (key: string, value: string, _options: unknown, command: Command) => {
      if (key.startsWith('planning.')) {
        const { setPlanningSetting } = await import('../../services/planning-settings.service.js');
        await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) => setPlanningSetting(ctx, key, value));
        output.out(`Set ${key} to ${value}. New plans use it.`);
        return;
      }
      const { parseSettingValue, setScoreSetting } = await import('../../services/settings.service.js');
      await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        setScoreSetting(ctx, key, parseSettingValue(value)),
      );
      output.out(`Set ${key} to ${value}. Every score is redone on the next read.`);
    });
  config
    .command('reset')
    .description('put one setting back to its default')
    .argument('<key>', 'dotted name of the setting')
    .action(async (key: string, _options: unknown, command: Command) => {
      if (key.startsWith('planning.')) {
        const { resetPlanningSetting } = await import('../../services/planning-settings.service.js');
        await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) => resetPlanningSetting(ctx, key));
        output.out(`Reset ${key} to its default.`);
        return;
      }
      const { resetScoreSetting } = await import('../../services/settings.service.js');
      await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) => resetScoreSetting(ctx, key));
      output.out(`Reset ${key} to its default.`);
    });
}
