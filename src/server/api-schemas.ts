import { z } from 'zod';

/** The schemas several routes share: the one error shape, ids in paths, pagination. */

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable machine id, e.g. person.not_found'),
      message: z.string().describe('what was wrong and what to do'),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .describe('Every error, whatever the route');

/** Responses every protected route can give besides its own; for the OpenAPI document. */
export const ERROR_RESPONSES = { '4xx': errorSchema, '5xx': errorSchema } as const;

export const idParams = z.object({ id: z.coerce.number().int().positive().describe('the numeric id') });

export const MAX_PAGE = 500;

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A page of `item`: the items, how many there are in all, and where the next page starts. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    nextOffset: z.number().int().nullable().describe('offset of the next page; null on the last'),
  });
}

/** One page of an already ordered list. */
export function page<T>(all: readonly T[], { limit, offset }: { limit: number; offset: number }) {
  const end = offset + limit;
  return {
    items: all.slice(offset, end),
    total: all.length,
    limit,
    offset,
    nextOffset: end < all.length ? end : null,
  };
}
