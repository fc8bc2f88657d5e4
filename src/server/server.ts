import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../services/app-context.js';
import { requireToken, setSessionCookie } from './auth.js';
import { registerApiErrors } from './errors.js';
import { registerOpenApi } from './openapi.js';
import { registerRootPage } from './root-page.js';
import { briefRoutes } from './routes/brief.routes.js';
import { dealsRoutes } from './routes/deals.routes.js';
import { graphRoutes } from './routes/graph.routes.js';
import { importsRoutes, UPLOAD_LIMITS } from './routes/imports.routes.js';
import { insightsRoutes } from './routes/insights.routes.js';
import { mergesRoutes } from './routes/merges.routes.js';
import { peopleRoutes } from './routes/people.routes.js';
import { planningRoutes } from './routes/planning.routes.js';
import { plansRoutes } from './routes/plans.routes.js';
import { openRoutes } from './routes/session.routes.js';
import { settingsRoutes } from './routes/settings.routes.js';
import { type HostPolicy, LOOPBACK_NAMES, registerRequestSecurity } from './security.js';
import { registerZodSchemas } from './zod-schema.js';

export interface ServerOptions {
  /** The per-install access token every protected route asks for. */
  token: string;
  /**
   * Host names (no port) the server answers to; the loopback names are always included.
   * Requests naming any other host are refused (DNS rebinding).
   */
  hosts?: readonly string[];
  /**
   * Whether opening a page hands the browser the session cookie. Only safe when nobody but
   * this machine can reach the server (a loopback bind); elsewhere browsers sign in with the token.
   */
  pagesSignIn: boolean;
  /** The built web app (dist/web), served at / when it exists. */
  webRoot?: string | undefined;
  /** fastify's log level; requests are logged only from warn up by default. */
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
}

/** Builds the HTTP server on an open app: security, the JSON API, its documentation, the page at /. */
export async function buildServer(ctx: AppContext, options: ServerOptions): Promise<FastifyInstance> {
  const logLevel = options.logLevel ?? 'warn';
  const app = Fastify({
    logger: logLevel === 'silent' ? false : { level: logLevel },
    // Imports of large exports take minutes; only idle keep-alive connections time out.
    requestTimeout: 0,
    bodyLimit: 1024 * 1024,
  });
  let port: number | null = null;
  const policy: HostPolicy = {
    names: new Set([...LOOPBACK_NAMES, ...(options.hosts ?? [])].map((h) => h.toLowerCase())),
    // Asked on every request: read once the server listens (the port never changes after).
    port: () => {
      if (port === null) {
        const address = app.server.address();
        port = address && typeof address === 'object' ? address.port : null;
      }
      return port;
    },
  };
  registerZodSchemas(app);
  registerApiErrors(app);
  registerRequestSecurity(app, policy);
  if (options.pagesSignIn) {
    app.addHook('onSend', async (request, reply, payload) => {
      const isPage = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
      if (request.method === 'GET' && isPage && reply.statusCode === 200)
        setSessionCookie(reply, options.token);
      return payload;
    });
  }
  const { default: multipart } = await import('@fastify/multipart');
  await app.register(multipart, { limits: UPLOAD_LIMITS });
  await registerOpenApi(app);
  openRoutes(app, { token: options.token });
  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request) => requireToken(request, options.token));
      peopleRoutes(api, ctx);
      importsRoutes(api, ctx);
      mergesRoutes(api, ctx);
      settingsRoutes(api, ctx);
      graphRoutes(api, ctx);
      plansRoutes(api, ctx);
      planningRoutes(api, ctx);
      dealsRoutes(api, ctx);
      insightsRoutes(api, ctx);
      briefRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );
  await registerRootPage(app, options.webRoot);
  return app;
}
