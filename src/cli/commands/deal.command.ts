import { type Command, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { RapportError } from '../../errors.js';
import type { DealDetail } from '../../services/deals.service.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatDeal, formatDeals } from '../format/deals.format.js';
import type { Output } from '../output.js';
import { parseWhen } from '../parse-when.js';

const WHEN_HELP = 'today, yesterday, "3 days ago", 2026-11-28, "2026-11-28 14:30"';

/** Collects a repeated option into a list. */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** "12000" or "12000.50"; "none" clears it. */
function parseAmount(value: string): number | null {
  if (value.trim().toLowerCase() === 'none') return null;
  if (!/^\d+(\.\d+)?$/.test(value.trim()))
    throw new InvalidArgumentError('must be a plain number such as 12000 or 12000.50 (or none).');
  return Number(value);
}

/** "EUR"; "none" clears it. */
const parseCurrency = (value: string): string | null =>
  value.trim().toLowerCase() === 'none' ? null : value;

export function registerDeal(program: Command, output: Output): void {
  const deal = program
    .command('deal')
    .description('deals and the people in them: open deals put their people first in Today');

  const show = (verb: string, result: DealDetail, json: boolean | undefined) => {
    if (json) output.json(result);
    else output.out(`${pc.green(verb)} deal #${result.id}.\n\n${formatDeal(result)}`);
  };

  deal
    .command('add')
    .description('open a deal with one or more people')
    .argument('<title>', 'what the deal is, e.g. "Pilot at Analytical Engines"')
    .option('--with <person>', 'who it is with, by name or id like #12 (repeat for more people)', collect)
    .option('--stage <stage>', 'where it stands: lead, proposal, negotiation…', 'lead')
    .option('--value <amount>', 'what it is worth, e.g. 12000', parseAmount)
    .option('--currency <code>', 'ISO 4217 code such as EUR or USD', parseCurrency)
    .option('--opened <when>', `when it opened: ${WHEN_HELP}`, 'now')
    .option('--note <text>', 'anything worth remembering')
    .option('--json', 'print the deal as JSON')
    .action(
      async (
        title: string,
        options: {
          with?: string[];
          stage: string;
          value?: number | null;
          currency?: string | null;
          opened: string;
          note?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const { addDeal } = await import('../../services/deals.service.js');
        const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
          addDeal(ctx, {
            title,
            people: options.with ?? [],
            stage: options.stage,
            value: options.value,
            currency: options.currency,
            openedAt: parseWhen(options.opened, ctx.clock()),
            note: options.note,
          }),
        );
        show('Opened', result, options.json);
      },
    );

  deal
    .command('update')
    .description("change a deal's title, stage, value, currency, note or people")
    .argument('<id>', 'the deal, e.g. 3 or #3')
    .option('--title <title>', 'a new title')
    .option('--stage <stage>', 'a new stage')
    .option('--value <amount>', 'a new value (none removes it)', parseAmount)
    .option('--currency <code>', 'a new currency (none removes it)', parseCurrency)
    .option('--add <person>', 'add someone to the deal (repeatable)', collect)
    .option('--remove <person>', 'take someone off the deal (repeatable)', collect)
    .option('--note <text>', 'a new note ("" removes it)')
    .option('--json', 'print the deal as JSON')
    .action(
      async (
        id: string,
        options: {
          title?: string;
          stage?: string;
          value?: number | null;
          currency?: string | null;
          add?: string[];
          remove?: string[];
          note?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const { updateDeal } = await import('../../services/deals.service.js');
        const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
          updateDeal(ctx, id, {
            title: options.title,
            stage: options.stage,
            value: options.value,
            currency: options.currency,
            addPeople: options.add,
            removePeople: options.remove,
            note: options.note,
          }),
        );
        show('Updated', result, options.json);
      },
    );

  deal
    .command('list')
    .description('open deals with their people (--all adds the closed ones)')
    .option('--all', 'closed deals too')
    .option('--json', 'print as JSON')
    .action(async (options: { all?: boolean; json?: boolean }, command: Command) => {
      const { listDeals } = await import('../../services/deals.service.js');
      const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        listDeals(ctx, { all: options.all ?? false }),
      );
      if (options.json) output.json(result);
      else output.out(formatDeals(result.deals, options.all ?? false));
    });

  deal
    .command('close')
    .description('close a deal as won or lost')
    .argument('<id>', 'the deal, e.g. 3 or #3')
    .option('--won', 'the deal was won')
    .option('--lost', 'the deal was lost')
    .option('--at <when>', `when it closed: ${WHEN_HELP}`, 'now')
    .option('--json', 'print the deal as JSON')
    .action(
      async (
        id: string,
        options: { won?: boolean; lost?: boolean; at: string; json?: boolean },
        command: Command,
      ) => {
        if (Boolean(options.won) === Boolean(options.lost))
          throw new RapportError('input.invalid', 'Say how the deal ended: --won or --lost (one of them).');
        const { closeDeal } = await import('../../services/deals.service.js');
        const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
          closeDeal(ctx, id, {
            outcome: options.won ? 'won' : 'lost',
            at: parseWhen(options.at, ctx.clock()),
          }),
        );
        show(options.won ? 'Won' : 'Lost', result, options.json);
      },
    );

  deal
    .command('reopen')
    .description('open a closed deal again')
    .argument('<id>', 'the deal, e.g. 3 or #3')
    .option('--json', 'print the deal as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const { reopenDeal } = await import('../../services/deals.service.js');
      const result = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) => reopenDeal(ctx, id));
      show('Reopened', result, options.json);
    });

  for (const sub of deal.commands) sub.exitOverride();
}
