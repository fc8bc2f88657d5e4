import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../services/app-context.js';
import { MAX_GRAPH_PEOPLE, relationshipGraph } from '../../services/graph.service.js';
import { ERROR_RESPONSES } from '../api-schemas.js';

const graphQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_GRAPH_PEOPLE).default(300).describe('the strongest N people'),
});

const graphSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      company: z.string().nullable(),
      strength: z.number(),
      offlineRatio: z.number().nullable(),
      flags: z.array(z.string()),
    }),
  ),
  edges: z.array(
    z.object({
      a: z.number().int(),
      b: z.number().int(),
      shared: z.number().int().describe('interactions shared'),
    }),
  ),
  companies: z.array(z.object({ name: z.string(), size: z.number().int() })),
  total: z.number().int().describe('people in the book in all'),
});

/** The relationship map. */
export function graphRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get(
    '/graph',
    {
      schema: {
        summary: 'The relationship map: the strongest people, their ties to each other, company clusters',
        tags: ['people'],
        querystring: graphQuery,
        response: { 200: graphSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      relationshipGraph(ctx, { limit: (request.query as z.output<typeof graphQuery>).limit }),
  );
}
