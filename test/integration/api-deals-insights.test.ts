import { expect, it } from 'vitest';
import { parseMapping } from '../../src/importers/mapped-csv/column-mapping.js';
import { importExport } from '../../src/services/import.service.js';
import { showPerson } from '../../src/services/person.service.js';
import { type Contact, connectedOn } from '../support/linkedin-export.js';
import {
  SMALL_BOOK_CSV,
  SMALL_BOOK_DEAL_INSIGHTS,
  SMALL_BOOK_DEALS,
  SMALL_BOOK_FUNNEL,
  SMALL_BOOK_MAPPING,
  SMALL_BOOK_MONTHS,
} from '../support/small-book.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestServer } from '../support/test-server.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const DAY = 86_400_000;

const contact = (first: string, last: string, daysAgo: number): Contact => ({
  first,
  last,
  slug: `${first}-${last}-1a2b`.toLowerCase(),
  connectedOn: connectedOn(NOW, daysAgo),
});

describeEachDatabase('API: deals and insights', (dialect) => {
  const api = useTestServer(dialect, NOW);

  async function importPeople(): Promise<{ ada: number; grace: number; alan: number }> {
    await importExport(api.ctx, [
      api.linkedinExport({
        contacts: [
          contact('Ada', 'Lovelace', 400),
          contact('Grace', 'Hopper', 300),
          contact('Alan', 'Turing', 20),
        ],
      }),
    ]);
    const id = async (name: string) => (await showPerson(api.ctx, name)).id;
    return { ada: await id('Ada'), grace: await id('Grace'), alan: await id('Alan') };
  }

  it('opens, lists, changes, closes and reopens deals', async () => {
    const people = await importPeople();
    const opened = await api.call('POST', '/api/v1/deals', {
      body: {
        title: '  Pilot at Analytical Engines ',
        people: ['ada', people.grace, 'Ada Lovelace'],
        value: 12000,
        currency: 'eur',
        openedAt: NOW - 30 * DAY,
        note: 'Started at the Berlin meetup',
      },
    });
    expect(opened.statusCode).toBe(201);
    const deal = opened.json();
    expect(deal).toEqual({
      id: expect.any(Number),
      title: 'Pilot at Analytical Engines',
      stage: 'lead',
      status: 'open',
      value: 12000,
      currency: 'EUR',
      openedAt: NOW - 30 * DAY,
      closedAt: null,
      note: 'Started at the Berlin meetup',
      people: [
        { id: people.ada, name: 'Ada Lovelace' },
        { id: people.grace, name: 'Grace Hopper' },
      ],
    });
    const second = (
      await api.call('POST', '/api/v1/deals', { body: { title: 'Training', people: [people.alan] } })
    ).json();
    expect(second).toMatchObject({ stage: 'lead', openedAt: NOW, value: null, note: null });

    expect((await api.call('GET', `/api/v1/deals/${deal.id}`)).json()).toEqual(deal);
    const page = (await api.call('GET', '/api/v1/deals?limit=1')).json();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0, nextOffset: 1 });
    // The most recently opened first.
    expect(page.items.map((d: { id: number }) => d.id)).toEqual([second.id]);

    const patched = await api.call('PATCH', `/api/v1/deals/${deal.id}`, {
      body: { stage: 'proposal', value: null, addPeople: [people.alan], removePeople: ['grace'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ stage: 'proposal', value: null, currency: 'EUR' });
    expect(patched.json().people.map((p: { name: string }) => p.name)).toEqual([
      'Ada Lovelace',
      'Alan Turing',
    ]);

    const won = await api.call('POST', `/api/v1/deals/${deal.id}/close`, {
      body: { outcome: 'won', at: NOW - DAY },
    });
    expect(won.json()).toMatchObject({ status: 'won', closedAt: NOW - DAY });
    const again = await api.call('POST', `/api/v1/deals/${deal.id}/close`, { body: { outcome: 'lost' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'deal.already_closed',
      details: { id: deal.id, status: 'won' },
    });
    expect((await api.call('GET', '/api/v1/deals')).json().items.map((d: { id: number }) => d.id)).toEqual([
      second.id,
    ]);
    const all = (await api.call('GET', '/api/v1/deals?status=all')).json();
    expect(all.items.map((d: { status: string }) => d.status)).toEqual(['open', 'won']);

    const reopened = await api.call('POST', `/api/v1/deals/${deal.id}/reopen`);
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });
    const open = await api.call('POST', `/api/v1/deals/${deal.id}/reopen`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('deal.not_closed');
    expect((await showPerson(api.ctx, 'Alan')).deals.map((d) => d.id).sort()).toEqual(
      [deal.id, second.id].sort(),
    );
  });

  it('refuses invalid input with the issues, unknown ids with 404, and cross-site writes', async () => {
    const people = await importPeople();
    const deal = (
      await api.call('POST', '/api/v1/deals', { body: { title: 'Pilot', people: [people.ada] } })
    ).json();
    const issues = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
      const response = await api.call(method, url, body === undefined ? {} : { body });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe('input.invalid');
      return response.json().error.details.issues.map((i: { path: string }) => i.path);
    };
    expect(await issues('POST', '/api/v1/deals', { title: 'X', people: [] })).toEqual(['body.people']);
    expect(await issues('POST', '/api/v1/deals', { people: [people.ada] })).toEqual(['body.title']);
    expect(await issues('POST', '/api/v1/deals', { title: 'X', people: [0] })).toEqual(['body.people.0']);
    expect(await issues('POST', `/api/v1/deals/${deal.id}/close`, { outcome: 'maybe' })).toEqual([
      'body.outcome',
    ]);
    expect(await issues('PATCH', `/api/v1/deals/${deal.id}`, { colour: 'red' })).toEqual(['body']);
    expect(await issues('GET', '/api/v1/deals?status=closed')).toEqual(['querystring.status']);
    expect(await issues('GET', '/api/v1/deals/abc')).toEqual(['params.id']);

    // The service's own checks answer with the same id and a message that says what to do.
    for (const body of [
      { title: ' ', people: [people.ada] },
      { title: 'X', people: [people.ada], currency: 'ABC' },
      { title: 'X', people: [people.ada], value: -5 },
      { title: 'X', people: [people.ada], openedAt: NOW + DAY },
    ]) {
      const refused = await api.call('POST', '/api/v1/deals', { body });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('input.invalid');
    }
    const patchNothing = await api.call('PATCH', `/api/v1/deals/${deal.id}`, { body: {} });
    expect(patchNothing.json().error.message).toMatch(/^Say what to change/);
    const beforeOpen = await api.call('POST', `/api/v1/deals/${deal.id}/close`, {
      body: { outcome: 'won', at: NOW - DAY },
    });
    expect(beforeOpen.json().error.code).toBe('input.invalid');

    const nobody = await api.call('POST', '/api/v1/deals', { body: { title: 'X', people: [999_999] } });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().error.code).toBe('person.not_found');
    for (const [method, url, body] of [
      ['GET', '/api/v1/deals/999999', undefined],
      ['PATCH', '/api/v1/deals/999999', { stage: 'proposal' }],
      ['POST', '/api/v1/deals/999999/close', { outcome: 'lost' }],
      ['POST', '/api/v1/deals/999999/reopen', undefined],
    ] as const) {
      const missing = await api.call(method, url, body === undefined ? {} : { body });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json().error).toMatchObject({ code: 'deal.not_found', details: { id: 999_999 } });
    }

    const crossSite = await api.call('POST', `/api/v1/deals/${deal.id}/close`, {
      body: { outcome: 'won' },
      headers: { origin: 'http://localhost.evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('request.cross_site');
    expect((await api.call('GET', `/api/v1/deals/${deal.id}`)).json().status).toBe('open');
    expect((await api.call('GET', '/api/v1/deals', { token: null })).statusCode).toBe(401);
  });

  it('answers the funnel, balance by month, candidates and deal insights of a small book', async () => {
    const dir = await api.folder({ 'book.csv': SMALL_BOOK_CSV });
    await importExport(api.ctx, [dir], { mapping: parseMapping(SMALL_BOOK_MAPPING) });
    for (const deal of SMALL_BOOK_DEALS) {
      const opened = await api.call('POST', '/api/v1/deals', {
        body: { title: deal.title, people: [deal.person], openedAt: deal.openedAt },
      });
      expect(opened.statusCode).toBe(201);
      if (deal.close) await api.call('POST', `/api/v1/deals/${opened.json().id}/close`, { body: deal.close });
    }

    const response = await api.call('GET', '/api/v1/insights?by=network');
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ now: NOW, people: 5, notOnLadder: 0, by: 'network' });
    expect(result.funnel).toEqual(SMALL_BOOK_FUNNEL);
    expect(
      result.groups.map((g: { key: string; funnel: { people: number } }) => [g.key, g.funnel.people]),
    ).toEqual([
      ['linkedin', 2],
      ['twitter', 2],
      ['manual', 1],
    ]);
    expect(result.offlineByMonth).toEqual(SMALL_BOOK_MONTHS);
    expect(result.candidates).toEqual([
      {
        id: (await showPerson(api.ctx, 'Grace')).id,
        name: 'Grace Hopper',
        company: null,
        comments: 2,
        lastCommentAt: Date.UTC(2026, 1, 15, 10),
      },
      {
        id: (await showPerson(api.ctx, 'Barbara')).id,
        name: 'Barbara Liskov',
        company: null,
        comments: 1,
        lastCommentAt: Date.UTC(2026, 2, 10, 10),
      },
    ]);
    expect(result.deals).toEqual(SMALL_BOOK_DEAL_INSIGHTS);

    const byMonth = (await api.call('GET', '/api/v1/insights?by=month')).json();
    expect(
      byMonth.groups.map((g: { key: string; funnel: { people: number } }) => [g.key, g.funnel.people]),
    ).toEqual([
      ['2026-01', 1],
      ['2026-02', 2],
      ['2026-03', 2],
    ]);
    const plain = (await api.call('GET', '/api/v1/insights')).json();
    expect(plain).toMatchObject({ by: null, groups: null });
    expect(plain.funnel).toEqual(SMALL_BOOK_FUNNEL);

    const invalid = await api.call('GET', '/api/v1/insights?by=week');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.issues[0].path).toBe('querystring.by');
  });
});
