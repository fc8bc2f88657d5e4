import { z } from 'zod';
import { LOG_KINDS, RELATIONSHIP_TYPES } from '../../core/types.js';
import { PEOPLE_FILTERS, PEOPLE_SORTS } from '../../services/people.service.js';
import { MAX_PAGE, pageOf, pageQuery } from '../api-schemas.js';

/** The people routes' request and response schemas (services' shapes, field for field). */

const ms = z.number().int().describe('time in ms since 1970 (UTC)');
const flag = z.enum(PEOPLE_FILTERS);

export const evaluationSchema = z.object({
  score: z.object({
    strength: z.number().describe('0–100'),
    terms: z.object({
      engagement: z.number(),
      intensity: z.number(),
      reciprocity: z.number(),
      tenure: z.number(),
      structure: z.number(),
    }),
    contributions: z.object({
      intensity: z.number(),
      reciprocity: z.number(),
      tenure: z.number(),
      structure: z.number(),
    }),
  }),
  balance: z.object({ offlineRatio: z.number().nullable(), liveRatio: z.number().nullable() }),
  flags: z.object({ stuckOnline: z.boolean(), dormant: z.boolean(), overdue: z.boolean() }),
  reason: z.string(),
  nextStep: z.object({ kind: z.string(), minutes: z.number().nullable(), why: z.string() }),
  lastRealConversationAt: ms.nullable(),
  lastTouchAt: ms.nullable(),
  knownSince: ms.nullable(),
  daysStuck: z.number(),
});

/**
 * A list row's figures to the precision anyone reads them at (strength to 0.01 of 100, ratios to
 * 0.0001): a page of the book is then a third smaller than with every float's seventeen digits.
 */
const rounded = (digits: number) => {
  const scale = 10 ** digits;
  return z.number().overwrite((n) => Math.round(n * scale) / scale);
};

export const personSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  strength: rounded(2).describe('0–100, to 0.01'),
  offlineRatio: rounded(4).nullable().describe('0–1, to 0.0001'),
  liveRatio: rounded(4).nullable().describe('0–1, to 0.0001'),
  lastRealConversationAt: ms.nullable(),
  lastTouchAt: ms.nullable(),
  flags: z.array(flag),
});

export const personDetailSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  location: z.string().nullable(),
  relationshipType: z.string(),
  connectedAt: ms.nullable(),
  identities: z.array(
    z.object({
      network: z.string(),
      key: z.string(),
      handle: z.string().nullable(),
      profileUrl: z.string().nullable(),
      displayName: z.string().nullable(),
    }),
  ),
  evaluation: evaluationSchema,
  flags: z.array(z.string()),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      at: ms,
      channel: z.string(),
      network: z.string(),
      direction: z.string(),
      audience: z.string(),
      activity: z.string().nullable(),
      length: z.number().nullable(),
      snippet: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  timelineTotal: z.number().int(),
  deals: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      stage: z.string(),
      status: z.enum(['open', 'won', 'lost']),
      value: z.number().nullable(),
      currency: z.string().nullable(),
      openedAt: ms,
      closedAt: ms.nullable(),
      note: z.string().nullable(),
    }),
  ),
});

export const todaySchema = z.object({
  now: ms,
  entries: z.array(
    z.object({
      rank: z.number().int(),
      id: z.number().int(),
      name: z.string(),
      company: z.string().nullable(),
      title: z.string().nullable(),
      bucket: z.string(),
      reason: z.string(),
      nextStep: evaluationSchema.shape.nextStep,
      strength: z.number(),
      flags: z.array(z.string()),
      plan: z
        .object({
          id: z.number().int(),
          kind: z.string(),
          status: z.string(),
          startsAt: ms.nullable(),
          when: z.string().nullable().describe('the time in words, in the planning time zone'),
        })
        .nullable()
        .describe('their plan under way, if any'),
    }),
  ),
});

export const todayQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });

export const peopleQuery = pageQuery.extend({
  sort: z.enum(PEOPLE_SORTS).default('strength'),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .describe(
      "the sort's natural order when left out (highest first for numbers, A–Z for names, ties by id); the other reverses it, but people with no value (no company, nothing to measure) stay last",
    ),
  q: z.string().trim().max(200).optional().describe('search in name, company and title'),
  filter: flag.optional(),
});

export const peoplePageSchema = pageOf(personSummarySchema);

export const personQuery = z.object({
  timeline: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).describe('timeline entries to include'),
});

export const personPatch = z
  .object({
    relationshipType: z.enum(RELATIONSHIP_TYPES).optional(),
    cadenceDays: z
      .number()
      .int()
      .min(1)
      .nullable()
      .optional()
      .describe("days between real conversations; null to use the relationship type's"),
  })
  .strict()
  .refine((patch) => patch.relationshipType !== undefined || patch.cadenceDays !== undefined, {
    message: 'say what to change: relationshipType and/or cadenceDays',
  });

export const logBody = z
  .object({
    kind: z.enum(Object.keys(LOG_KINDS) as [keyof typeof LOG_KINDS, ...(keyof typeof LOG_KINDS)[]]),
    at: ms.optional().describe('when it happened; now when left out'),
    minutes: z.number().int().positive().optional(),
    note: z.string().max(10_000).optional(),
  })
  .strict();

export const logResultSchema = z.object({ interactionId: z.number().int(), person: personDetailSchema });
