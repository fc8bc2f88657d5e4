import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RapportError } from '../../errors.js';
import { ERROR_RESPONSES } from '../api-schemas.js';
import { clearSessionCookie, setSessionCookie, tokenMatches } from '../auth.js';

const healthSchema = z.object({ status: z.literal('ok') });
const sessionBody = z.object({ token: z.string().min(1).max(200) }).strict();

/** The routes open to all: health, and signing in with the token (a browser on another machine). */
export function openRoutes(app: FastifyInstance, options: { token: string }): void {
  app.get(
    '/api/v1/health',
    {
      schema: {
        summary: 'Whether the server is up (no token needed)',
        tags: ['server'],
        security: [],
        response: { 200: healthSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.post(
    '/api/v1/session',
    {
      schema: {
        summary: 'Sign a browser in: exchange the token for the HttpOnly session cookie',
        tags: ['server'],
        security: [],
        body: sessionBody,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      if (!tokenMatches((request.body as typeof sessionBody._output).token, options.token)) {
        throw new RapportError(
          'auth.required',
          'That is not the access token; print it on the server with: rapport token.',
        );
      }
      setSessionCookie(reply, options.token);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/v1/session',
    {
      schema: {
        summary: 'Sign the browser out (removes the session cookie)',
        tags: ['server'],
        security: [],
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (_request, reply) => {
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );
}
