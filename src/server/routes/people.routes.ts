import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../services/app-context.js';
import { logInteraction } from '../../services/log.service.js';
import { listPeople } from '../../services/people.service.js';
import { showPerson } from '../../services/person.service.js';
import { updatePerson } from '../../services/person-update.service.js';
import { createReadCache } from '../../services/read-cache.service.js';
import { today } from '../../services/today.service.js';
import { ERROR_RESPONSES, idParams } from '../api-schemas.js';
import { sendCachedAnswer } from '../cached-answer.js';
import {
  logBody,
  logResultSchema,
  peoplePageSchema,
  peopleQuery,
  personDetailSchema,
  personPatch,
  personQuery,
  todayQuery,
  todaySchema,
} from './person.schemas.js';

/**
 * Today, the people list, one person, and what a user changes about one. Today and the list are
 * answered from a server-side cache while they stay exact (services/read-cache.service.ts); the
 * answers still carry Cache-Control: no-store, as every API answer does.
 */
export function peopleRoutes(api: FastifyInstance, ctx: AppContext): void {
  const cache = createReadCache(ctx);
  api.get(
    '/today',
    {
      schema: {
        summary: "Today's people to take offline, with the reason and the next step",
        tags: ['people'],
        querystring: todayQuery,
        response: { 200: todaySchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { limit } = request.query as typeof todayQuery._output;
      const answer = await cache.read(request.url, 'today', async () =>
        String(reply.serialize(await today(ctx, { limit }))),
      );
      return sendCachedAnswer(request, reply, answer);
    },
  );

  api.get(
    '/people',
    {
      schema: {
        summary: 'The book: strength, balance, flags; sorted, filtered, searched, in pages',
        tags: ['people'],
        querystring: peopleQuery,
        response: { 200: peoplePageSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const query = request.query as typeof peopleQuery._output;
      const answer = await cache.read(request.url, 'book', async () =>
        String(reply.serialize(await peoplePage(ctx, query))),
      );
      return sendCachedAnswer(request, reply, answer);
    },
  );

  api.get(
    '/people/:id',
    {
      schema: {
        summary: 'One person in full: identities, score with each term, flags, timeline',
        tags: ['people'],
        params: idParams,
        querystring: personQuery,
        response: { 200: personDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params as typeof idParams._output;
      const { timeline } = request.query as typeof personQuery._output;
      return showPerson(ctx, `#${id}`, { timelineLimit: timeline });
    },
  );

  api.patch(
    '/people/:id',
    {
      schema: {
        summary: 'Set relationship type and keep-in-touch cadence',
        tags: ['people'],
        params: idParams,
        body: personPatch,
        response: { 200: personDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params as typeof idParams._output;
      const patch = request.body as typeof personPatch._output;
      return updatePerson(ctx, `#${id}`, patch);
    },
  );

  api.post(
    '/people/:id/log',
    {
      schema: {
        summary: 'Record a real conversation (coffee, call, …) with this person',
        tags: ['people'],
        params: idParams,
        body: logBody,
        response: { 201: logResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { id } = request.params as typeof idParams._output;
      const body = request.body as typeof logBody._output;
      reply.status(201);
      return logInteraction(ctx, { person: `#${id}`, ...body });
    },
  );
}

/** One page of the list in the API's shape. */
async function peoplePage(ctx: AppContext, query: typeof peopleQuery._output) {
  const { total, people } = await listPeople(ctx, {
    sort: query.sort,
    order: query.order,
    filter: query.filter,
    search: query.q,
    limit: query.limit,
    offset: query.offset,
  });
  const end = query.offset + people.length;
  return {
    items: people,
    total,
    limit: query.limit,
    offset: query.offset,
    nextOffset: end < total ? end : null,
  };
}
