import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { renderBriefHtml, renderBriefMarkdown } from '../../core/brief-render.js';
import type { AppContext } from '../../services/app-context.js';
import { personBrief } from '../../services/brief.service.js';
import { systemTimeZone } from '../../services/planning-settings.service.js';
import { ERROR_RESPONSES, idParams } from '../api-schemas.js';
import { STANDALONE_PAGE_CSP } from '../security.js';

const ms = z.number().int().describe('time in ms since 1970 (UTC)');

const briefPlanSchema = z.object({
  id: z.number().int(),
  kind: z.string().describe('"coffee", "video call"'),
  status: z.string(),
  at: ms.nullable(),
  when: z.string().describe('"scheduled for Tue, 1 Dec 2026, 10:00", "done on 20 Oct 2026"'),
  outcome: z.string().nullable(),
});

const briefSchema = z
  .object({
    generatedAt: ms,
    timeZone: z.string(),
    date: z.string().describe('"28 Nov 2026"'),
    person: z.object({
      id: z.number().int(),
      name: z.string(),
      title: z.string().nullable(),
      company: z.string().nullable(),
      location: z.string().nullable(),
      relationshipType: z.string(),
    }),
    profiles: z.array(
      z.object({
        network: z.string(),
        text: z.string(),
        url: z.string().nullable().describe('an http(s) URL safe to link to, else null'),
      }),
    ),
    howYouKnow: z.string(),
    lastTalked: z.object({ at: ms.nullable(), kind: z.string().nullable(), text: z.string() }),
    relationship: z.object({
      strength: z.number(),
      flags: z.array(z.enum(['stuck', 'dormant', 'overdue'])),
      reason: z.string(),
      nextStep: z.string(),
    }),
    topics: z.array(z.string()),
    mutual: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        company: z.string().nullable(),
        shared: z.number().int(),
        sameCompany: z.boolean(),
        why: z.string(),
      }),
    ),
    deals: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        stage: z.string(),
        value: z.string().nullable().describe('"€12,000"'),
        since: z.string(),
      }),
    ),
    openPlans: z.array(briefPlanSchema),
    lastDonePlan: briefPlanSchema.nullable(),
    notes: z.array(z.object({ at: ms, date: z.string(), label: z.string(), text: z.string() })),
  })
  .describe('every text is plain, unescaped text');

const BRIEF_FORMATS = ['json', 'md', 'html'] as const;

const briefQuery = z.object({
  format: z
    .enum(BRIEF_FORMATS)
    .default('json')
    .describe('json: the brief as data; md: text/markdown; html: a standalone page (text/html)'),
  timeZone: z.string().max(100).optional().describe("IANA zone for dates and times; default: this machine's"),
});

const CONTENT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;

/** The meeting brief: one page to read before meeting someone. */
export function briefRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get(
    '/people/:id/brief',
    {
      // The page styles itself inline; it still loads nothing and runs no script.
      config: { pageCsp: STANDALONE_PAGE_CSP },
      schema: {
        summary:
          'The meeting brief: how you know them, last talk, topics, people in common, deals, plans, notes',
        tags: ['people'],
        params: idParams,
        querystring: briefQuery,
        response: { 200: briefSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { id } = request.params as typeof idParams._output;
      const { format, timeZone } = request.query as z.output<typeof briefQuery>;
      const brief = await personBrief(ctx, `#${id}`, { timeZone: timeZone ?? systemTimeZone() });
      if (format === 'json') return brief;
      const text = format === 'html' ? renderBriefHtml(brief) : renderBriefMarkdown(brief);
      return reply.type(CONTENT_TYPES[format]).send(text);
    },
  );
}
