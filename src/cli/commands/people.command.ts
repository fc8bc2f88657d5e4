import type { Command } from 'commander';
import type { Flag } from '../../core/types.js';
import {
  listPeople,
  PEOPLE_FILTERS,
  PEOPLE_SORTS,
  type PeopleSort,
  SORT_ORDERS,
  type SortOrder,
} from '../../services/people.service.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { formatPeople } from '../format/people.format.js';
import type { Output } from '../output.js';
import { oneOf, parseCount } from './option-parsers.js';

export function registerPeople(program: Command, output: Output): void {
  program
    .command('people')
    .description(
      'everyone in your book with strength, offline and live ratios, last real conversation and flags',
    )
    .option('--sort <key>', `order by ${PEOPLE_SORTS.join('|')}`, oneOf(PEOPLE_SORTS), 'strength')
    .option(
      '--order <order>',
      `${SORT_ORDERS.join('|')}; highest first for numbers and A–Z for words when left out`,
      oneOf(SORT_ORDERS),
    )
    .option('--filter <flag>', `only ${PEOPLE_FILTERS.join('|')}`, oneOf(PEOPLE_FILTERS))
    .option('--search <text>', 'only names, companies or titles containing this')
    .option('-n, --limit <n>', 'how many rows (0 for all)', parseCount, 50)
    .option('--json', 'print as JSON')
    .action(
      async (
        options: {
          sort: PeopleSort;
          order?: SortOrder;
          filter?: Flag;
          search?: string;
          limit: number;
          json?: boolean;
        },
        command: Command,
      ) => {
        const { result, now } = await withApp(command.optsWithGlobals<GlobalOptions>(), async (ctx) => ({
          result: await listPeople(ctx, {
            sort: options.sort,
            ...(options.order ? { order: options.order } : {}),
            ...(options.filter ? { filter: options.filter } : {}),
            ...(options.search ? { search: options.search } : {}),
            limit: options.limit,
          }),
          now: ctx.clock(),
        }));
        if (options.json) output.json(result);
        else output.out(formatPeople(result.people, result.total, now));
      },
    );
}
