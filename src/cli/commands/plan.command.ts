import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { PLAN_KINDS, PLAN_STATUSES } from '../../core/plan-status.js';
import { RapportError } from '../../errors.js';
import type { AppContext } from '../../services/app-context.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import {
  formatCompletedPlan,
  formatCreatedPlan,
  formatMovedPlan,
  formatPlan,
  formatPlanList,
} from '../format/plan.format.js';
import type { Output } from '../output.js';
import { parseWhen } from '../parse-when.js';
import { readTextFile } from '../read-text-file.js';
import { parsePositive } from './option-parsers.js';

/** "2w", "10d", "3 weeks", "14" (days) → days. */
export function parseWithin(value: string): number {
  const match = /^(\d+)\s*(d|days?|w|weeks?)?$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError('must be a span such as 10d or 2w.');
  const days = Number(match[1]) * (match[2]?.toLowerCase().startsWith('w') ? 7 : 1);
  if (days < 1) throw new InvalidArgumentError('must be at least one day.');
  return days;
}

const planId = (value: string) => parsePositive(value.replace(/^#/, ''));

/** Writes an invite next to the user's other files and returns where. */
function writeInvite(dir: string, invite: { fileName: string; text: string }): string {
  const path = resolve(dir, invite.fileName);
  writeFileSync(path, invite.text);
  return path;
}

function run<T>(command: Command, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  return withApp(command.optsWithGlobals<GlobalOptions>(), fn);
}

interface PlanOptions {
  coffee?: boolean;
  lunch?: boolean;
  video?: boolean;
  call?: boolean;
  email?: boolean;
  within?: number;
  minutes?: number;
  out: string;
  json?: boolean;
}

export function registerPlan(program: Command, output: Output): void {
  const plan = program
    .command('plan')
    .description('plan the next offline step with someone: free slots, a message draft and an invite')
    .argument('<person>', 'a name (or part of one) or an id like #12')
    .option(
      '--within <span>',
      'look for slots this far ahead, e.g. 10d or 2w (default: planning.withinDays)',
      parseWithin,
    )
    .option('--minutes <n>', 'how long (default: planning.minutes.KIND)', parsePositive)
    .option('--out <dir>', 'where to write the invite file', '.')
    .option('--json', 'print the plan as JSON');
  for (const kind of PLAN_KINDS) plan.option(`--${kind}`, `plan ${kind === 'email' ? 'an' : 'a'} ${kind}`);
  plan.action(async (person: string, options: PlanOptions) => {
    const kinds = PLAN_KINDS.filter((k) => options[k]);
    if (kinds.length > 1)
      throw new RapportError(
        'input.invalid',
        `Choose one kind, not ${kinds.map((k) => `--${k}`).join(' and ')}.`,
      );
    const { createPlan } = await import('../../services/plan.service.js');
    const result = await run(plan, (ctx) =>
      createPlan(ctx, { person, kind: kinds[0], withinDays: options.within, minutes: options.minutes }),
    );
    const path = result.invite ? writeInvite(options.out, result.invite) : null;
    if (options.json) output.json({ ...result, invitePath: path });
    else output.out(formatCreatedPlan(result, path));
  });

  registerPlans(program, output);

  program
    .command('calendar')
    .description('an .ics feed of the steps under way (proposed and scheduled), for your calendar app')
    .option('--out <file>', 'write it to this file instead of printing it')
    .action(async (options: { out?: string }, command: Command) => {
      const { calendarFeed } = await import('../../services/plan-invite.js');
      const feed = await run(command, calendarFeed);
      if (!options.out) {
        output.out(feed.text);
        return;
      }
      writeFileSync(options.out, feed.text);
      output.out(
        `Wrote ${feed.events} planned ${feed.events === 1 ? 'step' : 'steps'} to ${resolve(options.out)}.`,
      );
    });
}

function registerPlans(program: Command, output: Output): void {
  const plans = program.command('plans').description('the plans: list, show, and move them along');
  plans
    .command('list', { isDefault: true })
    .description('the plans, newest first')
    .option('--status <status>', `open or one of: ${PLAN_STATUSES.join(', ')}`)
    .option('--person <person>', "only this person's plans")
    .option('--json', 'print as JSON')
    .action(async (options: { status?: string; person?: string; json?: boolean }, command: Command) => {
      const { listPlans } = await import('../../services/plan.service.js');
      const list = await run(command, (ctx) => listPlans(ctx, options));
      if (options.json) output.json(list);
      else output.out(formatPlanList(list));
    });

  plans
    .command('show')
    .description('one plan in full, with its message draft')
    .argument('<id>', 'the plan id', planId)
    .option('--json', 'print as JSON')
    .action(async (id: number, options: { json?: boolean }, command: Command) => {
      const { showPlan } = await import('../../services/plan.service.js');
      const shown = await run(command, (ctx) => showPlan(ctx, id));
      if (options.json) output.json(shown);
      else output.out(formatPlan(shown));
    });

  plans
    .command('propose')
    .description('mark the message as sent with its slots')
    .argument('<id>', 'the plan id', planId)
    .option('--slot <n>', 'the slot the invite carries (default: the first)', parsePositive)
    .option('--json', 'print as JSON')
    .action(async (id: number, options: { slot?: number; json?: boolean }, command: Command) => {
      const { proposePlan } = await import('../../services/plan-moves.service.js');
      const moved = await run(command, (ctx) =>
        proposePlan(ctx, id, options.slot === undefined ? {} : { slot: options.slot }),
      );
      if (options.json) output.json(moved);
      else output.out(formatMovedPlan(moved));
    });

  plans
    .command('schedule')
    .description('record the agreed time: one of the slots, or any time')
    .argument('<id>', 'the plan id', planId)
    .option('--slot <n>', 'the slot they chose', parsePositive)
    .option('--at <when>', 'the time agreed, e.g. "2026-12-01 10:00" (your local time)')
    .option('--json', 'print as JSON')
    .action(async (id: number, options: { slot?: number; at?: string; json?: boolean }, command: Command) => {
      const { schedulePlan } = await import('../../services/plan-moves.service.js');
      const moved = await run(command, (ctx) =>
        schedulePlan(ctx, id, {
          slot: options.slot,
          at: options.at === undefined ? undefined : parseWhen(options.at, ctx.clock()),
        }),
      );
      if (options.json) output.json(moved);
      else output.out(formatMovedPlan(moved));
    });

  plans
    .command('done')
    .description('it happened: record the conversation and the outcome, and get the follow-up')
    .argument('<id>', 'the plan id', planId)
    .option('--note <text>', 'the outcome in a sentence: what you agreed, what comes next')
    .option('--minutes <n>', 'how long it lasted (default: as planned)', parsePositive)
    .option('--at <when>', 'when it happened (default: the agreed time, or now)')
    .option('--json', 'print as JSON')
    .action(
      async (
        id: number,
        options: { note?: string; minutes?: number; at?: string; json?: boolean },
        command: Command,
      ) => {
        const note = options.note ?? (options.json ? undefined : await askOutcome(output));
        const { completePlan } = await import('../../services/plan-moves.service.js');
        const done = await run(command, (ctx) =>
          completePlan(ctx, id, {
            note,
            minutes: options.minutes,
            at: options.at === undefined ? undefined : parseWhen(options.at, ctx.clock()),
          }),
        );
        if (options.json) output.json(done);
        else output.out(formatCompletedPlan(done));
      },
    );

  const closing = [
    ['decline', 'decline', 'they said no (the invite becomes a cancellation)'],
    ['no-show', 'no_show', 'the agreed time came and nobody met'],
    ['cancel', 'cancel', 'drop the plan (the invite becomes a cancellation)'],
  ] as const;
  for (const [name, move, description] of closing) {
    plans
      .command(name)
      .description(description)
      .argument('<id>', 'the plan id', planId)
      .option('--note <text>', 'why, in a sentence')
      .option('--json', 'print as JSON')
      .action(async (id: number, options: { note?: string; json?: boolean }, command: Command) => {
        const { closePlan } = await import('../../services/plan-moves.service.js');
        const moved = await run(command, (ctx) => closePlan(ctx, id, move, { note: options.note }));
        if (options.json) output.json(moved);
        else output.out(formatMovedPlan(moved));
      });
  }

  plans
    .command('draft')
    .description('print the message draft, or replace it with your own text')
    .argument('<id>', 'the plan id', planId)
    .option('--file <file>', 'a plain-text file with the message as you will send it')
    .action(async (id: number, options: { file?: string }, command: Command) => {
      const { setPlanDraft, showPlan } = await import('../../services/plan.service.js');
      const text = options.file === undefined ? undefined : await readTextFile(options.file);
      const shown = await run(command, (ctx) =>
        text === undefined ? showPlan(ctx, id) : setPlanDraft(ctx, id, text),
      );
      output.out(shown.draft ?? '');
    });

  plans
    .command('invite')
    .description("write the plan's invite (.ics) as it stands: a request, or a cancellation")
    .argument('<id>', 'the plan id', planId)
    .option('--out <dir>', 'where to write it', '.')
    .action(async (id: number, options: { out: string }, command: Command) => {
      const { planInvite } = await import('../../services/plan-invite.js');
      const invite = await run(command, (ctx) => planInvite(ctx, id));
      output.out(`Invite: ${writeInvite(options.out, invite)} (${invite.method})`);
    });
}

/** On a terminal, done asks for the outcome; Enter skips it. */
async function askOutcome(output: Output): Promise<string | undefined> {
  if (!process.stdin.isTTY || !output.isTTY) return undefined;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(
      'Outcome in a sentence (what you agreed, what comes next; Enter to skip): ',
    );
    return answer.trim() || undefined;
  } finally {
    rl.close();
  }
}
