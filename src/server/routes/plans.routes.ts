import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../services/app-context.js';
import { createPlan, listPlans, setPlanDraft, showPlan } from '../../services/plan.service.js';
import { calendarFeed, planInvite } from '../../services/plan-invite.js';
import { closePlan, completePlan, proposePlan, schedulePlan } from '../../services/plan-moves.service.js';
import { ERROR_RESPONSES, idParams, page } from '../api-schemas.js';
import {
  closeBody,
  completedPlanSchema,
  createdPlanSchema,
  createPlanBody,
  doneBody,
  draftBody,
  movedPlanSchema,
  plansPageSchema,
  plansQuery,
  planViewSchema,
  proposeBody,
  scheduleBody,
} from './plan.schemas.js';

type Params = typeof idParams._output;

/** How the OpenAPI document describes an iCalendar download. */
const CALENDAR_RESPONSE = {
  description: 'an iCalendar file',
  content: { 'text/calendar': { schema: { type: 'string' } } },
} as const;

function sendCalendar(reply: FastifyReply, text: string, fileName?: string): FastifyReply {
  reply.type('text/calendar; charset=utf-8');
  if (fileName) reply.header('content-disposition', `attachment; filename="${fileName}"`);
  return reply.send(text);
}

/** The closing moves: each its own route, as the CLI has a command for each. */
const CLOSING_MOVES = [
  { path: 'decline', move: 'decline', summary: 'They said no: the invite becomes a CANCEL' },
  { path: 'no-show', move: 'no_show', summary: 'An agreed time nobody kept' },
  { path: 'cancel', move: 'cancel', summary: 'You dropped it: the invite becomes a CANCEL' },
] as const;

/** Plans for the next offline step: make, list, show, move along, edit the draft, the invite and the feed. */
export function plansRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.post(
    '/plans',
    {
      schema: {
        summary: 'Plan the next offline step with a person: kind, free slots, a draft and an invite',
        tags: ['plans'],
        body: createPlanBody,
        response: { 201: createdPlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { person, ...rest } = request.body as typeof createPlanBody._output;
      const created = await createPlan(ctx, {
        person: typeof person === 'number' ? `#${person}` : person,
        ...rest,
      });
      reply.status(201);
      return created;
    },
  );

  api.get(
    '/plans',
    {
      schema: {
        summary: 'Plans, newest first: all, open, or in one status',
        tags: ['plans'],
        querystring: plansQuery,
        response: { 200: plansPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const query = request.query as typeof plansQuery._output;
      const plans = await listPlans(ctx, {
        status: query.status,
        person: query.person === undefined ? undefined : `#${query.person}`,
      });
      return page(plans, query);
    },
  );

  api.get(
    '/plans/:id',
    {
      schema: {
        summary: 'One plan in full, with the moves open to it',
        tags: ['plans'],
        params: idParams,
        response: { 200: planViewSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => showPlan(ctx, (request.params as Params).id),
  );

  api.post(
    '/plans/:id/propose',
    {
      schema: {
        summary: 'The message went out (suggested → proposed); `slot` picks the time the invite carries',
        tags: ['plans'],
        params: idParams,
        body: proposeBody,
        response: { 200: movedPlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { slot } = request.body as typeof proposeBody._output;
      return proposePlan(ctx, (request.params as Params).id, slot === undefined ? {} : { slot });
    },
  );

  api.post(
    '/plans/:id/schedule',
    {
      schema: {
        summary: 'A time is agreed: one of its slots or any time `at`; again to move it',
        tags: ['plans'],
        params: idParams,
        body: scheduleBody,
        response: { 200: movedPlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      schedulePlan(ctx, (request.params as Params).id, request.body as typeof scheduleBody._output),
  );

  api.post(
    '/plans/:id/done',
    {
      schema: {
        summary: 'It happened: records the conversation and answers with the follow-up',
        tags: ['plans'],
        params: idParams,
        body: doneBody,
        response: { 200: completedPlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      completePlan(ctx, (request.params as Params).id, request.body as typeof doneBody._output),
  );

  for (const { path, move, summary } of CLOSING_MOVES) {
    api.post(
      `/plans/:id/${path}`,
      {
        schema: {
          summary,
          tags: ['plans'],
          params: idParams,
          body: closeBody,
          response: { 200: movedPlanSchema, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        closePlan(ctx, (request.params as Params).id, move, request.body as typeof closeBody._output),
    );
  }

  api.put(
    '/plans/:id/draft',
    {
      schema: {
        summary: 'Replace the message draft with your own text (open plans only)',
        tags: ['plans'],
        params: idParams,
        body: draftBody,
        response: { 200: planViewSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      setPlanDraft(ctx, (request.params as Params).id, (request.body as typeof draftBody._output).text),
  );

  api.get(
    '/plans/:id/invite.ics',
    {
      schema: {
        summary: 'The invite as it stands: a REQUEST, or a CANCEL once declined or cancelled',
        tags: ['plans'],
        params: idParams,
        response: { 200: CALENDAR_RESPONSE, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const invite = await planInvite(ctx, (request.params as Params).id);
      return sendCalendar(reply, invite.text, invite.fileName);
    },
  );

  api.get(
    '/calendar.ics',
    {
      schema: {
        summary: 'The calendar feed of proposed and scheduled plans, to subscribe to or import',
        tags: ['plans'],
        response: { 200: CALENDAR_RESPONSE, ...ERROR_RESPONSES },
      },
    },
    async (_request, reply) => sendCalendar(reply, (await calendarFeed(ctx)).text),
  );
}
