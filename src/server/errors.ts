import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ErrorCode, isRapportError, RapportError } from '../errors.js';
import { describeIssues } from './zod-schema.js';

interface ApiError {
  status: number;
  body: { error: { code: ErrorCode; message: string; details: Record<string, unknown> } };
}

const fromRapport = (error: RapportError): ApiError => ({ status: error.status, body: error.toJSON() });

/** What the framework's own 4xx errors mean in Rapport's ids. */
const FRAMEWORK_STATUS: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: 'input.invalid', message: 'The request is malformed' },
  404: { code: 'route.not_found', message: 'There is no such route' },
  413: {
    code: 'request.too_large',
    message: 'The request is too large; upload fewer or smaller files at a time',
  },
  415: {
    code: 'request.unsupported_media_type',
    message:
      'This route does not take that content type; send JSON (or multipart/form-data to /api/v1/imports)',
  },
  406: {
    code: 'request.unsupported_media_type',
    message: 'This route takes multipart/form-data: send the export files as form fields',
  },
};

/** Any thrown value as the API's one error shape and its status. */
export function toApiError(error: unknown, request: FastifyRequest): ApiError {
  if (isRapportError(error)) return fromRapport(error);
  const fastifyError = error as Partial<FastifyError> & { validationContext?: string };
  if (error instanceof z.ZodError || fastifyError.validation) {
    const zodIssues =
      error instanceof z.ZodError ? describeIssues(error, fastifyError.validationContext) : undefined;
    const first = zodIssues?.[0];
    const issues = zodIssues ?? fastifyError.validation;
    return fromRapport(
      new RapportError(
        'input.invalid',
        first ? `Invalid ${first.path || 'request'}: ${first.message}.` : 'The request is not valid.',
        { issues },
      ),
    );
  }
  const status = fastifyError.statusCode;
  const known = status === undefined ? undefined : FRAMEWORK_STATUS[status];
  if (known) {
    // The framework's message names the problem (bad JSON, which limit); it never holds imported data.
    const message = `${known.message}: ${fastifyError.message ?? ''}`.replace(/:\s*$/, '.');
    return fromRapport(new RapportError(known.code, message, { reason: fastifyError.code ?? null }));
  }
  request.log.error({ err: error }, 'unexpected error');
  return fromRapport(
    new RapportError(
      'internal',
      'Something went wrong on the server; this is a bug. The server log has the details.',
    ),
  );
}

/** Sends the error shape, bypassing the route's success serializer. */
export function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const { status, body } = toApiError(error, reply.request);
  return reply.status(status).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
}

/** One error shape for every failure, and a clear 404 for routes that do not exist. */
export function registerApiErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => sendError(reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new RapportError(
        'route.not_found',
        `There is no ${request.method} ${request.url.split('?')[0]}; the routes are listed at /api/docs.`,
        { method: request.method },
      ),
    ),
  );
}
