import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * The page at `/` until the web app is built: what this server is and how to use its API.
 * A fixed text — it shows no imported data — so there is nothing in it to escape.
 */
export const ROOT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Rapport</title></head>
<body>
<h1>Rapport</h1>
<p>This is Rapport's local server. The web app is not built in this copy, but the JSON API is
here, for scripts and for the app to come.</p>
<ul>
<li><a href="/api/docs">API documentation</a>. When the server listens only on this machine,
opening this page signs your browser in, so the routes can be tried from there; otherwise sign in
with <code>POST /api/v1/session</code> and the token.</li>
<li><a href="/api/openapi.json">OpenAPI document</a></li>
</ul>
<p>Scripts send the access token as <code>Authorization: Bearer &lt;token&gt;</code>; print it with
<code>rapport token</code>.</p>
<p>To see your own relationships instead of the sample, upload your export: <code>POST /api/v1/imports</code>
with the files as multipart/form-data, or run <code>rapport import ~/Downloads/Complete_LinkedInDataExport_*.zip</code>.</p>
</body>
</html>
`;

/** The web app's page addresses besides `/` (see src/web/router.tsx). */
export const APP_PATHS = [
  '/today',
  '/people',
  '/people/:id(^\\d+$)',
  '/plans/:id(^\\d+$)',
  '/insights',
  '/map',
  '/import',
  '/settings',
] as const;

/** Serves the built web app from `webRoot` when it exists, else the page above. */
export async function registerRootPage(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: 'index.html' });
    // The app's own addresses (a bookmarked person, a reload on a plan) get the app's page.
    for (const path of APP_PATHS)
      app.get(path, { schema: { hide: true } }, async (_request, reply) => reply.sendFile('index.html'));
    return;
  }
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(ROOT_PAGE),
  );
}
