import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/stores.js';
import { TEST_TOKEN, useTestServer } from '../support/test-server.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);

describeEachDatabase('API security', (dialect) => {
  const api = useTestServer(dialect, NOW);

  it('answers health without a token, and every other route only with it', async () => {
    const health = await api.call('GET', '/api/v1/health', { token: null });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });

    const anonymous = await api.call('GET', '/api/v1/people', { token: null });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('auth.required');
    expect(anonymous.json().error.message).toMatch(/rapport token/);

    const wrong = await api.call('GET', '/api/v1/people', { token: 'guess' });
    expect(wrong.statusCode).toBe(401);
    expect((await api.call('GET', '/api/v1/people')).statusCode).toBe(200);
    const cookie = await api.call('GET', '/api/v1/people', {
      token: null,
      headers: { cookie: `other=1; rapport_session=${TEST_TOKEN}` },
    });
    expect(cookie.statusCode).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) before anything else', async () => {
    for (const host of ['evil.example', 'evil.example:4321', 'localhost.evil.example']) {
      const response = await api.call('GET', '/api/v1/health', { headers: { host } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('request.host_refused');
    }
    for (const host of ['localhost', '127.0.0.1:4321', '[::1]:4321']) {
      expect((await api.call('GET', '/api/v1/health', { headers: { host } })).statusCode).toBe(200);
    }
  });

  it('refuses writes from other sites (CSRF), even with the session cookie', async () => {
    const write = (headers: Record<string, string>) =>
      api.call('PUT', '/api/v1/settings/score', {
        token: null,
        body: { key: 'halfLifeDays', value: 60 },
        headers: { cookie: `rapport_session=${TEST_TOKEN}`, ...headers },
      });
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost.evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const response = await write(headers);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('request.cross_site');
    }
    expect((await write({ origin: 'http://localhost' })).statusCode).toBe(200);
    expect((await write({ origin: 'http://127.0.0.1', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(
      200,
    );
    // Reads from another site get nothing without the cookie, which SameSite keeps from them.
    expect(
      (await api.call('GET', '/api/v1/people', { token: null, headers: { origin: 'https://evil.example' } }))
        .statusCode,
    ).toBe(401);
  });

  it('answers unknown routes with route.not_found in the one error shape', async () => {
    const response = await api.call('GET', '/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        code: 'route.not_found',
        message: expect.stringMatching(/GET \/api\/v1\/nothing-here/),
        details: { method: 'GET' },
      },
    });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('sends JSON with nosniff, and HTML pages with a strict CSP that sign the browser in', async () => {
    const json = await api.call('GET', '/api/v1/health');
    expect(json.headers['x-content-type-options']).toBe('nosniff');
    expect(json.headers['x-frame-options']).toBe('DENY');
    expect(json.headers['cache-control']).toBe('no-store');
    expect(json.headers['set-cookie']).toBeUndefined();

    const page = await api.call('GET', '/', { token: null });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|https:/);
    expect(page.headers['set-cookie']).toBe(
      `rapport_session=${TEST_TOKEN}; Path=/; HttpOnly; SameSite=Strict`,
    );
    expect(page.body).toMatch(/\/api\/docs/);
  });

  it('publishes the OpenAPI document and serves the docs from node_modules', async () => {
    const spec = (await api.call('GET', '/api/openapi.json', { token: null })).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/today',
      '/api/v1/people',
      '/api/v1/people/{id}',
      '/api/v1/people/{id}/log',
      '/api/v1/imports',
      '/api/v1/imports/{id}/undo',
      '/api/v1/duplicates',
      '/api/v1/merges',
      '/api/v1/merges/{id}/undo',
      '/api/v1/settings/score',
      '/api/v1/health',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    const people = spec.paths['/api/v1/people'].get;
    expect(people.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'offset', 'sort', 'order', 'q', 'filter']),
    );
    expect(people.responses['200'].content['application/json'].schema.properties.items.type).toBe('array');
    expect(
      spec.paths['/api/v1/people/{id}'].patch.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('relationshipType');

    const docs = await api.call('GET', '/api/docs', { token: null });
    expect(docs.statusCode).toBe(200);
    // Scripts and styles come from this server, never from a CDN.
    expect(docs.body).toMatch(/<script src="[^"]*\/swagger-ui-bundle\.js"/);
    expect(docs.body).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self';/);
  });
});

describeEachDatabase('API security, server reachable from other machines', (dialect) => {
  const api = useTestServer(dialect, NOW, { pagesSignIn: false, hosts: ['rapport.lan'] });

  it('answers its own name, hands out no cookie with pages, and signs a browser in only with the token', async () => {
    const page = await api.call('GET', '/', { token: null, headers: { host: 'rapport.lan:4321' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();

    const wrong = await api.call('POST', '/api/v1/session', { token: null, body: { token: 'guess' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.required');
    const signIn = await api.call('POST', '/api/v1/session', {
      token: null,
      body: { token: TEST_TOKEN },
      headers: { origin: 'http://rapport.lan:4321' },
    });
    expect(signIn.statusCode).toBe(204);
    expect(signIn.headers['set-cookie']).toMatch(/^rapport_session=.+; HttpOnly; SameSite=Strict$/);
    const signOut = await api.call('DELETE', '/api/v1/session', { token: null });
    expect(signOut.headers['set-cookie']).toMatch(/Max-Age=0/);
  });
});
