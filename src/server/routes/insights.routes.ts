import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RUNGS } from '../../core/funnel.js';
import type { AppContext } from '../../services/app-context.js';
import { INSIGHT_GROUPINGS, insights } from '../../services/insights.service.js';
import { ERROR_RESPONSES } from '../api-schemas.js';

const ms = z.number().int().describe('time in ms since 1970 (UTC)');
const rung = z.enum(RUNGS);
const share = z.number().nullable().describe('0–1; null when there is nothing to divide by');

const funnelSchema = z.object({
  people: z.number().int().describe('people on the ladder (reached connected)'),
  rungs: z.array(
    z.object({
      rung,
      reached: z.number().int().describe('people who reached this rung or a deeper one'),
      furthest: z.number().int().describe('people for whom this is the furthest rung'),
    }),
  ),
  steps: z.array(
    z.object({
      from: rung,
      to: rung,
      started: z.number().int(),
      converted: z.number().int(),
      rate: share,
      medianDays: z.number().nullable(),
    }),
  ),
});

const dealSplitSchema = z.object({
  closed: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  winRate: share,
  medianCycleDays: z.number().nullable(),
});

const insightsSchema = z.object({
  now: ms,
  people: z.number().int().describe('contacts in the book'),
  notOnLadder: z.number().int().describe('contacts with no touch, connection date or deal'),
  funnel: funnelSchema,
  by: z.enum(INSIGHT_GROUPINGS).nullable(),
  groups: z
    .array(
      z.object({
        key: z.string().describe('the source network, or the cohort month YYYY-MM'),
        funnel: funnelSchema,
      }),
    )
    .nullable(),
  offlineByMonth: z.array(
    z.object({
      month: z.string().describe('YYYY-MM, UTC'),
      offline: z.number().int(),
      touches: z.number().int(),
      ratio: z.number(),
    }),
  ),
  candidates: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      company: z.string().nullable(),
      comments: z.number().int().describe('inbound comments, replies and mentions'),
      lastCommentAt: ms,
    }),
  ),
  deals: z.object({ all: dealSplitSchema, withLive: dealSplitSchema, withoutLive: dealSplitSchema }),
});

const insightsQuery = z.object({
  by: z.enum(INSIGHT_GROUPINGS).optional().describe('also the funnel per source network or month cohort'),
});

/** The funnel, the offline balance by month, conversation candidates and deal insights (docs/insights.md). */
export function insightsRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get(
    '/insights',
    {
      schema: {
        summary: 'The funnel, offline ratio by month, people worth a conversation, and how deals close',
        tags: ['insights'],
        querystring: insightsQuery,
        response: { 200: insightsSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { by } = request.query as z.output<typeof insightsQuery>;
      return insights(ctx, by === undefined ? {} : { by });
    },
  );
}
