import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';

/**
 * The one validation approach: route schemas are zod schemas. zod validates every request
 * part and every response (unknown keys are dropped, so nothing leaks by accident), and the
 * same schemas become JSON Schema only for the OpenAPI document.
 */
export function registerZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    const zodSchema = schema as unknown as z.ZodType;
    return (data) => {
      const result = zodSchema.safeParse(data);
      return result.success ? { value: result.data } : { error: result.error };
    };
  });
  app.setSerializerCompiler(({ schema }) => {
    const zodSchema = schema as unknown as z.ZodType;
    return (data) => JSON.stringify(zodSchema.parse(data));
  });
}

const REQUEST_PARTS = ['params', 'querystring', 'body', 'headers'] as const;

/** @fastify/swagger's transform: the route's zod schemas as OpenAPI 3.0 JSON Schema. */
export function zodToOpenApi({ schema, url }: { schema: FastifySchema; url: string }): {
  schema: FastifySchema;
  url: string;
} {
  if (!schema) return { schema, url };
  const out: Record<string, unknown> = { ...schema };
  for (const part of REQUEST_PARTS) {
    const value = schema[part];
    if (value instanceof z.ZodType) out[part] = jsonSchema(value, 'input');
  }
  if (schema.response && typeof schema.response === 'object') {
    out.response = Object.fromEntries(
      Object.entries(schema.response).map(([status, value]) => [
        status,
        value instanceof z.ZodType ? jsonSchema(value, 'output') : value,
      ]),
    );
  }
  return { schema: out as FastifySchema, url };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  });
  return rest;
}

/** The issues of a failed validation, for the error's details. */
export function describeIssues(
  error: z.ZodError,
  part: string | undefined,
): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
