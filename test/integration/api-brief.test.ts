import { expect, it } from 'vitest';
import { STANDALONE_PAGE_CSP } from '../../src/server/security.js';
import { personBrief } from '../../src/services/brief.service.js';
import { importExport } from '../../src/services/import.service.js';
import { systemTimeZone } from '../../src/services/planning-settings.service.js';
import { type Contact, connectedOn, linkedinDate, type Message } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestServer } from '../support/test-server.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const DAY = 86_400_000;

/** Someone whose imported name, title and company are markup, as a hostile export could make them. */
const mallory: Contact = {
  first: '<img src=x onerror=alert(1)>',
  last: '<script>alert("pwned")</script>',
  slug: 'mallory-9z8y',
  company: 'Evil & <b>Sons</b>',
  position: '"><svg onload=alert(2)>',
  connectedOn: connectedOn(NOW, 200),
};
const ada: Contact = {
  first: 'Ada',
  last: 'Lovelace',
  slug: 'ada-lovelace-1a2b',
  company: 'Analytical Engines',
  connectedOn: connectedOn(NOW, 400),
};
const messages: Message[] = [
  {
    conversation: '2-mallory',
    from: mallory,
    to: 'me',
    date: linkedinDate(NOW, 10),
    content: 'About the <script>document.cookie</script> migration budget',
  },
  {
    conversation: '2-mallory',
    from: 'me',
    to: mallory,
    date: linkedinDate(NOW, 9),
    content: 'The migration budget, yes',
  },
];

describeEachDatabase('API: the meeting brief', (dialect) => {
  const api = useTestServer(dialect, NOW);

  async function importMallory(): Promise<number> {
    await importExport(api.ctx, [api.linkedinExport({ contacts: [mallory, ada], messages })]);
    const person = await api.call('GET', '/api/v1/people?q=Evil');
    expect(person.json().total).toBe(1);
    const malloryId: number = person.json().items[0].id;
    const logged = await api.call('POST', `/api/v1/people/${malloryId}/log`, {
      body: { kind: 'coffee', at: NOW - 3 * DAY, note: '<script>steal()</script> & "more"' },
    });
    expect(logged.statusCode).toBe(201);
    return malloryId;
  }

  it('answers the brief as JSON, in the zone asked for or this machine’s', async () => {
    const id = await importMallory();
    const response = await api.call('GET', `/api/v1/people/${id}/brief?timeZone=Europe/Berlin`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const brief = response.json();
    expect(brief).toEqual(await personBrief(api.ctx, `#${id}`, { timeZone: 'Europe/Berlin' }));
    // Data stays data: the JSON holds the names as imported, for the client to escape.
    expect(brief.person).toMatchObject({
      id,
      name: `${mallory.first} ${mallory.last}`,
      company: mallory.company,
    });
    expect(brief.lastTalked).toMatchObject({ at: NOW - 3 * DAY, kind: 'coffee' });
    expect(brief.notes[0].text).toBe('<script>steal()</script> & "more"');
    expect(brief.topics).toContain('migration budget');

    const local = (await api.call('GET', `/api/v1/people/${id}/brief`)).json();
    expect(local.timeZone).toBe(systemTimeZone());
  });

  it('renders the brief as a standalone HTML page with every imported text escaped', async () => {
    const id = await importMallory();
    const response = await api.call('GET', `/api/v1/people/${id}/brief?format=html&timeZone=UTC`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    // Its own inline styles may apply; nothing may load, run or frame it.
    expect(response.headers['content-security-policy']).toBe(STANDALONE_PAGE_CSP);
    expect(STANDALONE_PAGE_CSP).not.toMatch(/script-src|unsafe-eval/);
    expect(STANDALONE_PAGE_CSP).toMatch(/default-src 'none'/);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');

    const page = response.body;
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toMatch(/<style>[^<]+<\/style>/);
    // No element came from imported text: its markup is shown as text, never parsed.
    expect(page).not.toMatch(/<(script|img|svg|b)\b/i);
    expect(page).toContain(
      '<h1>&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;</h1>',
    );
    expect(page).toContain('Evil &amp; &lt;b&gt;Sons&lt;/b&gt;');
    expect(page).toContain('&lt;script&gt;steal()&lt;/script&gt; &amp; &quot;more&quot;');

    // Only this page gets its own policy; JSON has none, and other pages keep theirs.
    const json = await api.call('GET', `/api/v1/people/${id}/brief?format=json`);
    expect(json.headers['content-security-policy']).toBeUndefined();
    const other = await api.call('GET', '/api/docs/', { token: null });
    expect(other.headers['content-security-policy']).not.toBe(STANDALONE_PAGE_CSP);
  });

  it('renders the brief as Markdown with markup escaped', async () => {
    const id = await importMallory();
    const response = await api.call('GET', `/api/v1/people/${id}/brief?format=md&timeZone=UTC`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.body).toMatch(/^# \\<img src=x onerror=alert\\\(1\\\)\\> \\<script\\>/);
    expect(response.body).not.toMatch(/(^|[^\\])<script/);
  });

  it('answers unknown people with 404 and bad options with 400', async () => {
    const id = await importMallory();
    for (const format of ['json', 'md', 'html']) {
      const missing = await api.call('GET', `/api/v1/people/999999/brief?format=${format}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(missing.json().error.code).toBe('person.not_found');
    }
    const format = await api.call('GET', `/api/v1/people/${id}/brief?format=pdf`);
    expect(format.statusCode).toBe(400);
    expect(format.json().error.details.issues[0].path).toBe('querystring.format');
    const zone = await api.call('GET', `/api/v1/people/${id}/brief?timeZone=Nowhere/Land`);
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.code).toBe('input.invalid');
    expect((await api.call('GET', `/api/v1/people/${id}/brief`, { token: null })).statusCode).toBe(401);
  });
});
