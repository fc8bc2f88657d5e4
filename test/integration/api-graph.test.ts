import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importExport } from '../../src/services/import.service.js';
import { type Contact, connectedOn, thread } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestServer } from '../support/test-server.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const person = (first: string, company: string): Contact => ({
  first,
  last: 'Tester',
  slug: `${first.toLowerCase()}-tester`,
  company,
  connectedOn: connectedOn(NOW, 200),
});

describeEachDatabase('API: the relationship map', (dialect) => {
  const api = useTestServer(dialect, NOW);

  it('returns the strongest people with their clusters, and validates the size', async () => {
    const [a, b, c] = [person('Ada', 'Acme'), person('Bo', 'Acme'), person('Cy', 'Initech')];
    await importExport(api.ctx, [
      api.linkedinExport({
        contacts: [a, b, c],
        messages: [...thread(a, NOW, 5, 3, 2), ...thread(b, NOW, 1, 1, 1)],
      }),
    ]);
    const response = await api.call('GET', '/api/v1/graph?limit=2');
    expect(response.statusCode).toBe(200);
    const graph = response.json();
    expect(graph.total).toBe(3);
    expect(graph.nodes.map((n: { name: string }) => n.name)).toEqual(['Ada Tester', 'Bo Tester']);
    expect(graph.companies).toEqual([{ name: 'Acme', size: 2 }]);

    const bad = await api.call('GET', '/api/v1/graph?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('input.invalid');
    expect((await api.call('GET', '/api/v1/graph', { token: null })).statusCode).toBe(401);
  });
});

describeEachDatabase('API: the web app at its own addresses', (dialect) => {
  const web = mkdtempSync(join(tmpdir(), `rapport-web-${dialect}-`));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Rapport</title><div id="root"></div>');
  const api = useTestServer(dialect, NOW, { webRoot: web });

  it('answers every app address with the app page and the session cookie', async () => {
    for (const path of [
      '/',
      '/people',
      '/people/12',
      '/plans/3',
      '/insights',
      '/map',
      '/import',
      '/settings',
    ]) {
      const response = await api.call('GET', path, { token: null });
      expect(response.statusCode, path).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/i);
    }
    const missing = await api.call('GET', '/people/not-a-number', { token: null });
    expect(missing.statusCode).toBe(404);
  });
});
