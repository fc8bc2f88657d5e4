import type { FastifyInstance } from 'fastify';
import { zodToOpenApi } from './zod-schema.js';

/**
 * The OpenAPI document, made from the routes' own zod schemas, at /api/openapi.json, and
 * Swagger UI at /api/docs, served from node_modules (no CDN).
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rapport API',
        version: '1',
        description:
          'Every route under /api/v1 except health and session needs the access token: `Authorization: Bearer <token>` (print it with `rapport token`) or the session cookie. Errors are `{ error: { code, message, details } }` with a stable code.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: zodToOpenApi,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
