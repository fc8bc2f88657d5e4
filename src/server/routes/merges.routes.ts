import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../services/app-context.js';
import { duplicateSuggestions, listMerges, mergePeople, unmerge } from '../../services/merge.service.js';
import { ERROR_RESPONSES, idParams, page, pageOf, pageQuery } from '../api-schemas.js';

const suggestionSchema = z.object({
  keepId: z.number().int(),
  mergeId: z.number().int(),
  keepName: z.string(),
  mergeName: z.string(),
  confidence: z.number().describe('0–1'),
  reasons: z.array(z.string()),
});

const mergeSchema = z.object({
  id: z.number().int(),
  keptId: z.number().int(),
  mergedId: z.number().int(),
  mergedName: z.string(),
  reason: z.string(),
  confidence: z.number().nullable(),
  importId: z.number().int().nullable(),
  createdAt: z.number().int(),
  undoneAt: z.number().int().nullable(),
});

const duplicatesQuery = pageQuery.extend({
  minConfidence: z.coerce.number().min(0).max(1).default(0),
});

const mergeBody = z
  .object({
    keepId: z.number().int().positive().describe('the person who stays'),
    mergeId: z.number().int().positive().describe('the person merged into them'),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

/** Duplicate suggestions, merging two people, the merge history and exact unmerge. */
export function mergesRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get(
    '/duplicates',
    {
      schema: {
        summary: 'Likely duplicates, surest first',
        tags: ['merges'],
        querystring: duplicatesQuery,
        response: { 200: pageOf(suggestionSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const query = request.query as typeof duplicatesQuery._output;
      return page(await duplicateSuggestions(ctx, query.minConfidence), query);
    },
  );

  api.get(
    '/merges',
    {
      schema: {
        summary: 'Every merge, newest first',
        tags: ['merges'],
        querystring: pageQuery,
        response: { 200: pageOf(mergeSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => page(await listMerges(ctx), request.query as typeof pageQuery._output),
  );

  api.post(
    '/merges',
    {
      schema: {
        summary: 'Merge one person into another (undoable)',
        tags: ['merges'],
        body: mergeBody,
        response: { 201: mergeSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const body = request.body as typeof mergeBody._output;
      const id = await mergePeople(ctx, body.keepId, body.mergeId, body.reason);
      const merge = (await listMerges(ctx)).find((m) => m.id === id)!;
      reply.status(201);
      return merge;
    },
  );

  api.post(
    '/merges/:id/undo',
    {
      schema: {
        summary: 'Undo one merge exactly: the merged person returns with their id',
        tags: ['merges'],
        params: idParams,
        response: {
          200: z.object({ keptId: z.number().int(), restoredId: z.number().int() }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => unmerge(ctx, (request.params as typeof idParams._output).id),
  );
}
