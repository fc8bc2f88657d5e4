import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../services/app-context.js';
import {
  addDeal,
  closeDeal,
  DEAL_STATUSES,
  getDeal,
  listDeals,
  reopenDeal,
  updateDeal,
} from '../../services/deals.service.js';
import { ERROR_RESPONSES, idParams, page, pageOf, pageQuery } from '../api-schemas.js';

const ms = z.number().int().describe('time in ms since 1970 (UTC)');

const dealSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  stage: z.string(),
  status: z.enum(DEAL_STATUSES),
  value: z.number().nullable(),
  currency: z.string().nullable().describe('ISO 4217'),
  openedAt: ms,
  closedAt: ms.nullable(),
  note: z.string().nullable(),
  people: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

const personRef = z
  .union([z.number().int().positive(), z.string().trim().min(1).max(200)])
  .describe('a person id, or a name (or part of one) as the CLI takes it');

/** Ids as the services' lookup reads them ("#12"); names as given. */
const lookups = (people: readonly (number | string)[] | undefined) =>
  people?.map((p) => (typeof p === 'number' ? `#${p}` : p));

const dealsQuery = pageQuery.extend({
  status: z.enum(['open', 'all']).default('open').describe('open deals, or every deal'),
});

const newDealBody = z
  .object({
    title: z.string().max(1000),
    people: z.array(personRef).min(1).max(100),
    stage: z.string().max(1000).optional().describe('default lead'),
    value: z.number().nullable().optional(),
    currency: z.string().max(10).nullable().optional().describe('ISO 4217, e.g. EUR'),
    openedAt: ms.optional().describe('default now'),
    note: z.string().max(10_000).optional(),
  })
  .strict();

const dealPatch = z
  .object({
    title: z.string().max(1000).optional(),
    stage: z.string().max(1000).optional(),
    value: z.number().nullable().optional().describe('null removes it'),
    currency: z.string().max(10).nullable().optional().describe('null removes it'),
    addPeople: z.array(personRef).max(100).optional(),
    removePeople: z.array(personRef).max(100).optional(),
    note: z.string().max(10_000).optional().describe('an empty note removes it'),
  })
  .strict();

const closeBody = z
  .object({ outcome: z.enum(['won', 'lost']), at: ms.optional().describe('default now') })
  .strict();

type Params = typeof idParams._output;

/** Deals and the people in them: open deals put their people first in Today. */
export function dealsRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get(
    '/deals',
    {
      schema: {
        summary: 'Open deals (or all), open first, then the most recently opened',
        tags: ['deals'],
        querystring: dealsQuery,
        response: { 200: pageOf(dealSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const query = request.query as typeof dealsQuery._output;
      const { deals } = await listDeals(ctx, { all: query.status === 'all' });
      return page(deals, query);
    },
  );

  api.post(
    '/deals',
    {
      schema: {
        summary: 'Open a deal with one or more people',
        tags: ['deals'],
        body: newDealBody,
        response: { 201: dealSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const body = request.body as typeof newDealBody._output;
      const deal = await addDeal(ctx, { ...body, people: lookups(body.people)! });
      reply.status(201);
      return deal;
    },
  );

  api.get(
    '/deals/:id',
    {
      schema: {
        summary: 'One deal with its people',
        tags: ['deals'],
        params: idParams,
        response: { 200: dealSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => getDeal(ctx, (request.params as Params).id),
  );

  api.patch(
    '/deals/:id',
    {
      schema: {
        summary: "Change a deal's title, stage, value, currency, note or people",
        tags: ['deals'],
        params: idParams,
        body: dealPatch,
        response: { 200: dealSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const body = request.body as typeof dealPatch._output;
      return updateDeal(ctx, (request.params as Params).id, {
        ...body,
        addPeople: lookups(body.addPeople),
        removePeople: lookups(body.removePeople),
      });
    },
  );

  api.post(
    '/deals/:id/close',
    {
      schema: {
        summary: 'Close an open deal as won or lost',
        tags: ['deals'],
        params: idParams,
        body: closeBody,
        response: { 200: dealSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      closeDeal(ctx, (request.params as Params).id, request.body as typeof closeBody._output),
  );

  api.post(
    '/deals/:id/reopen',
    {
      schema: {
        summary: 'Open a closed deal again',
        tags: ['deals'],
        params: idParams,
        response: { 200: dealSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => reopenDeal(ctx, (request.params as Params).id),
  );
}
