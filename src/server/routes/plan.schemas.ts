import { z } from 'zod';
import { MEETING_KINDS, PLAN_KINDS, PLAN_MOVES, PLAN_STATUSES } from '../../core/plan-status.js';
import { pageOf, pageQuery } from '../api-schemas.js';

/** The plan and planning routes' request and response schemas (services' shapes, field for field). */

const ms = z.number().int().describe('time in ms since 1970 (UTC)');
const STEP_KINDS = ['email', 'call', 'video', 'coffee', 'follow_up', 'reconnect'] as const;

export const planViewSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  kind: z.enum(PLAN_KINDS),
  status: z.enum(PLAN_STATUSES),
  minutes: z.number().int().nullable(),
  why: z.string(),
  slots: z
    .array(
      z.object({
        start: ms,
        end: ms,
        label: z.string().describe('"Tue 1 Dec, 10:00–10:45 (Europe/Berlin)"'),
      }),
    )
    .describe('the proposed times; none for an email'),
  startsAt: ms.nullable().describe('the agreed time, or the one the invite carries until one is agreed'),
  endsAt: ms.nullable(),
  when: z.string().nullable(),
  timeZone: z.string().nullable(),
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  draft: z.string().nullable(),
  outcome: z.string().nullable(),
  interactionId: z.number().int().nullable().describe('the conversation recorded when it was done'),
  inviteUid: z.string(),
  inviteSequence: z.number().int(),
  createdAt: ms,
  updatedAt: ms,
  moves: z.array(z.enum(PLAN_MOVES)).describe('what can be done with it next'),
});

const nextStepSchema = z.object({
  kind: z.enum(STEP_KINDS),
  minutes: z.number().nullable(),
  why: z.string(),
});

const inviteSchema = z
  .object({ fileName: z.string(), method: z.enum(['REQUEST', 'CANCEL']), text: z.string() })
  .describe('the invite as an iCalendar file; also at GET /plans/:id/invite.ics');

const inviteFields = {
  invite: inviteSchema.nullable(),
  inviteMissing: z.string().nullable().describe('why there is no invite, and what to do about it'),
};

export const createdPlanSchema = z.object({
  plan: planViewSchema,
  reason: z.string().describe('why this person, in words'),
  suggested: nextStepSchema.describe('the rung Rapport suggests, whatever kind was chosen'),
  ...inviteFields,
  otherOpen: z.array(planViewSchema).describe('their other plans still under way'),
});

export const movedPlanSchema = z.object({ plan: planViewSchema, ...inviteFields });

export const completedPlanSchema = movedPlanSchema.extend({
  interactionId: z.number().int().describe('the conversation now in the person’s timeline'),
  followUp: z.object({
    thankYouBy: ms.nullable().describe('send the thank-you email by then; null after an email'),
    text: z.string(),
    next: nextStepSchema,
  }),
  stillStuck: z.boolean(),
});

export const createPlanBody = z
  .object({
    person: z
      .union([z.number().int().positive(), z.string().trim().min(1).max(200)])
      .describe('a person id, or a name (or part of one) as the CLI takes it'),
    kind: z.enum(PLAN_KINDS).optional().describe("default: from the person's next step"),
    withinDays: z.number().int().min(1).max(365).optional().describe('default: planning.withinDays'),
    minutes: z.number().int().min(5).max(480).optional().describe('default: planning.minutes.KIND'),
  })
  .strict();

export const plansQuery = pageQuery.extend({
  status: z
    .enum(['open', ...PLAN_STATUSES])
    .optional()
    .describe('open (suggested, proposed, scheduled) or one status; all when left out'),
  person: z.coerce.number().int().positive().optional().describe("only this person's plans (an id)"),
});

export const plansPageSchema = pageOf(planViewSchema);

/** A body that may be left out: fastify hands a missing body to validation as null. */
function optionalBody<T extends z.ZodObject>(schema: T) {
  return schema.nullish().transform((body): z.output<T> => body ?? ({} as z.output<T>));
}

export const proposeBody = optionalBody(
  z
    .object({
      slot: z.number().int().positive().optional().describe('the slot the invite carries (1-based)'),
    })
    .strict(),
);

export const scheduleBody = z
  .object({
    slot: z.number().int().positive().optional().describe('one of its slots (1-based)'),
    at: ms.optional().describe('any time from now on'),
  })
  .strict()
  .refine((body) => (body.slot === undefined) !== (body.at === undefined), {
    message: 'give either slot or at',
  });

export const doneBody = optionalBody(
  z
    .object({
      note: z.string().max(2000).optional().describe('the outcome: what you agreed, what comes next'),
      minutes: z
        .number()
        .int()
        .min(1)
        .max(1440)
        .optional()
        .describe('how long it lasted; default as planned'),
      at: ms.optional().describe('when it happened; default the agreed time once passed, else now'),
    })
    .strict(),
);

export const closeBody = optionalBody(
  z.object({ note: z.string().max(2000).optional().describe('why, in a sentence') }).strict(),
);

export const draftBody = z.object({ text: z.string().describe('the message as you will send it') }).strict();

const planningMinutes = z.object(
  Object.fromEntries(MEETING_KINDS.map((kind) => [kind, z.number().int()])) as Record<
    (typeof MEETING_KINDS)[number],
    z.ZodNumber
  >,
);

const planningConfigSchema = z.object({
  timeZone: z.string(),
  workingDays: z.array(z.number().int()).describe('ISO weekdays, 1 = Monday'),
  workStart: z.string().describe('HH:MM local'),
  workEnd: z.string(),
  holidays: z.array(z.string()).describe('YYYY-MM-DD local'),
  bufferMinutes: z.number().int(),
  travelMinutes: z.number().int(),
  noticeHours: z.number().int(),
  withinDays: z.number().int(),
  yourName: z.string().nullable(),
  yourEmail: z.string().nullable(),
  videoLink: z.string().nullable(),
  coffeePlace: z.string().nullable(),
  minutes: planningMinutes,
});

export const planningSettingsSchema = z.object({
  effective: planningConfigSchema.describe('the settings in force: defaults with your changes'),
  overrides: planningConfigSchema
    .partial()
    .extend({ minutes: planningMinutes.partial().optional() })
    .describe('only what you changed'),
});

const planningKey = z
  .string()
  .regex(/^(planning\.)?[A-Za-z]+(\.[A-Za-z]+)?$/, 'a planning setting such as workStart or minutes.coffee')
  .max(100);

export const planningPutBody = z
  .object({
    key: planningKey,
    value: z
      .union([
        z.string().max(2000),
        z.number(),
        z.null(),
        z.array(z.union([z.string(), z.number()])).max(400),
      ])
      .describe(
        'as typed after `rapport config set planning.KEY`: "08:30", "mon-fri", "2026-12-24,2026-12-31", 30; null clears text and holidays',
      ),
  })
  .strict();

export const planningDeleteQuery = z.object({ key: planningKey });

export const templateSchema = z.object({
  kind: z.enum(PLAN_KINDS),
  template: z.string(),
  custom: z.boolean().describe('true when you stored your own'),
});

export const templateParams = z.object({ kind: z.enum(PLAN_KINDS) });

export const templateBody = z
  .object({ text: z.string().max(20_000).describe('plain text with {placeholders} (docs/planning.md)') })
  .strict();
