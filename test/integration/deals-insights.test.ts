import { expect, it } from 'vitest';
import { parseMapping } from '../../src/importers/mapped-csv/column-mapping.js';
import type { AppContext } from '../../src/services/app-context.js';
import { addDeal, closeDeal, listDeals, reopenDeal, updateDeal } from '../../src/services/deals.service.js';
import { importExport } from '../../src/services/import.service.js';
import { insights } from '../../src/services/insights.service.js';
import { showPerson } from '../../src/services/person.service.js';
import { today } from '../../src/services/today.service.js';
import { type Contact, connectedOn, thread } from '../support/linkedin-export.js';
import {
  SMALL_BOOK_CSV,
  SMALL_BOOK_DEAL_INSIGHTS,
  SMALL_BOOK_DEALS,
  SMALL_BOOK_FUNNEL,
  SMALL_BOOK_MAPPING,
  SMALL_BOOK_MONTHS,
} from '../support/small-book.js';
import { describeEachDatabase } from '../support/stores.js';
import { type TestApp, useTestApp } from '../support/test-app.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const DAY = 86_400_000;

const ada: Contact = {
  first: 'Ada',
  last: 'Lovelace',
  slug: 'ada-lovelace-1a2b',
  company: 'Analytical Engines',
  connectedOn: connectedOn(NOW, 400),
};
const grace: Contact = {
  first: 'Grace',
  last: 'Hopper',
  slug: 'grace-hopper-3c4d',
  company: 'Navy Labs',
  connectedOn: connectedOn(NOW, 300),
};
const alan: Contact = {
  first: 'Alan',
  last: 'Turing',
  slug: 'alan-turing-5e6f',
  connectedOn: connectedOn(NOW, 20),
};

async function importSmallBook(app: TestApp): Promise<void> {
  const dir = await app.folder({ 'book.csv': SMALL_BOOK_CSV });
  await importExport(app.ctx, [dir], { mapping: parseMapping(SMALL_BOOK_MAPPING) });
  for (const deal of SMALL_BOOK_DEALS) {
    const opened = await addDeal(app.ctx, {
      title: deal.title,
      people: [deal.person],
      openedAt: deal.openedAt,
    });
    if (deal.close) await closeDeal(app.ctx, opened.id, deal.close);
  }
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

describeEachDatabase('deals and insights', (dialect) => {
  const app = useTestApp(dialect, NOW);
  const ctx = (): AppContext => app.ctx;

  it('opens, changes, closes and reopens a deal, with a clear error for each mistake', async () => {
    await importExport(ctx(), [app.linkedinExport({ contacts: [ada, grace, alan] })]);
    const deal = await addDeal(ctx(), {
      title: '  Pilot at Analytical Engines ',
      people: ['ada', `#${(await showPerson(ctx(), 'grace')).id}`, 'Ada Lovelace'],
      value: 12000,
      currency: 'eur',
      openedAt: NOW - 30 * DAY,
      note: 'Started at the Berlin meetup',
    });
    expect(deal).toMatchObject({
      title: 'Pilot at Analytical Engines',
      stage: 'lead',
      status: 'open',
      value: 12000,
      currency: 'EUR',
      openedAt: NOW - 30 * DAY,
      closedAt: null,
      people: [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper' }],
    });

    expect(await errorOf(addDeal(ctx(), { title: 'X', people: [] }))).toBe('input.invalid');
    expect(await errorOf(addDeal(ctx(), { title: ' ', people: ['ada'] }))).toBe('input.invalid');
    expect(await errorOf(addDeal(ctx(), { title: 'X', people: ['ada'], currency: 'ABC' }))).toBe(
      'input.invalid',
    );
    expect(await errorOf(addDeal(ctx(), { title: 'X', people: ['ada'], value: -5 }))).toBe('input.invalid');
    expect(await errorOf(addDeal(ctx(), { title: 'X', people: ['ada'], openedAt: NOW + DAY }))).toBe(
      'input.invalid',
    );
    expect(await errorOf(addDeal(ctx(), { title: 'X', people: ['nobody at all'] }))).toBe('person.not_found');
    // A failed add leaves nothing behind.
    expect((await listDeals(ctx(), { all: true })).deals).toHaveLength(1);

    const updated = await updateDeal(ctx(), `#${deal.id}`, {
      stage: 'proposal',
      value: null,
      addPeople: ['alan'],
      removePeople: ['grace'],
    });
    expect(updated).toMatchObject({ stage: 'proposal', value: null, currency: 'EUR' });
    expect(updated.people.map((p) => p.name)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(await errorOf(updateDeal(ctx(), deal.id, { removePeople: ['grace'] }))).toBe('input.invalid');
    expect(await errorOf(updateDeal(ctx(), deal.id, { removePeople: ['ada', 'alan'] }))).toBe(
      'input.invalid',
    );
    expect(await errorOf(updateDeal(ctx(), deal.id, {}))).toBe('input.invalid');
    expect(await errorOf(updateDeal(ctx(), 999, { stage: 'x' }))).toBe('deal.not_found');
    expect(await errorOf(updateDeal(ctx(), 'abc', { stage: 'x' }))).toBe('input.invalid');

    expect(await errorOf(closeDeal(ctx(), deal.id, { outcome: 'won', at: NOW - 31 * DAY }))).toBe(
      'input.invalid',
    );
    expect(await errorOf(closeDeal(ctx(), deal.id, { outcome: 'maybe' }))).toBe('input.invalid');
    const won = await closeDeal(ctx(), deal.id, { outcome: 'won', at: NOW - DAY });
    expect(won).toMatchObject({ status: 'won', closedAt: NOW - DAY });
    expect(await errorOf(closeDeal(ctx(), deal.id, { outcome: 'lost' }))).toBe('deal.already_closed');
    expect((await listDeals(ctx())).deals).toEqual([]);
    expect((await listDeals(ctx(), { all: true })).deals.map((d) => d.status)).toEqual(['won']);

    expect(await reopenDeal(ctx(), deal.id)).toMatchObject({ status: 'open', closedAt: null });
    expect(await errorOf(reopenDeal(ctx(), deal.id))).toBe('deal.not_closed');
    expect((await showPerson(ctx(), 'alan')).deals).toEqual([
      expect.objectContaining({ id: deal.id, title: 'Pilot at Analytical Engines', status: 'open' }),
    ]);
    expect((await showPerson(ctx(), 'grace')).deals).toEqual([]);
  });

  it('an open deal puts its person first in Today, and closing it lets them fall back', async () => {
    await importExport(ctx(), [
      app.linkedinExport({
        contacts: [ada, grace, alan],
        messages: [...thread(ada, NOW, 12, 4, 2), ...thread(grace, NOW, 12, 4, 2)],
      }),
    ]);
    const before = (await today(ctx())).entries.filter((e) => e.bucket === 'stuck').map((e) => e.name);
    expect(before).toHaveLength(2);
    const second = before[1]!;
    const deal = await addDeal(ctx(), { title: 'Renewal', people: [second] });
    const during = (await today(ctx())).entries.map((e) => e.name);
    expect(during[0]).toBe(second);
    await closeDeal(ctx(), deal.id, { outcome: 'lost' });
    expect((await today(ctx())).entries.filter((e) => e.bucket === 'stuck').map((e) => e.name)).toEqual(
      before,
    );

    // Alan has only a connection date: on the ladder, brought by LinkedIn, not engaged. The
    // lost deal still counts as a deal reached (so every rung below it too).
    const result = await insights(ctx(), { by: 'network' });
    expect(result.funnel.rungs.map((r) => [r.rung, r.reached, r.furthest])).toEqual([
      ['connected', 3, 1],
      ['engaged_online', 2, 1],
      ['emailed', 1, 0],
      ['live', 1, 0],
      ['met', 1, 0],
      ['deal', 1, 1],
    ]);
    expect(result.groups?.map((g) => [g.key, g.funnel.people])).toEqual([['linkedin', 3]]);
  });

  it('computes the funnel, balance by month, candidates and deal insights of a small book by hand', async () => {
    await importSmallBook(app);
    const result = await insights(ctx(), { by: 'network' });
    expect(result).toMatchObject({ now: NOW, people: 5, notOnLadder: 0, by: 'network' });
    expect(result.funnel).toEqual(SMALL_BOOK_FUNNEL);
    expect(result.groups?.map((g) => [g.key, g.funnel.people])).toEqual([
      ['linkedin', 2],
      ['twitter', 2],
      ['manual', 1],
    ]);
    expect(result.offlineByMonth).toEqual(SMALL_BOOK_MONTHS);
    expect(result.candidates).toEqual([
      {
        id: expect.any(Number),
        name: 'Grace Hopper',
        company: null,
        comments: 2,
        lastCommentAt: Date.UTC(2026, 1, 15, 10),
      },
      {
        id: expect.any(Number),
        name: 'Barbara Liskov',
        company: null,
        comments: 1,
        lastCommentAt: Date.UTC(2026, 2, 10, 10),
      },
    ]);
    expect(result.deals).toEqual(SMALL_BOOK_DEAL_INSIGHTS);

    const byMonth = await insights(ctx(), { by: 'month' });
    expect(byMonth.groups?.map((g) => [g.key, g.funnel.people])).toEqual([
      ['2026-01', 1],
      ['2026-02', 2],
      ['2026-03', 2],
    ]);
    expect((await insights(ctx())).groups).toBeNull();
  });

  it('an empty book has an empty funnel and no figures', async () => {
    const result = await insights(ctx());
    expect(result.people).toBe(0);
    expect(result.funnel.steps.every((s) => s.rate === null && s.medianDays === null)).toBe(true);
    expect(result.offlineByMonth).toEqual([]);
    expect(result.candidates).toEqual([]);
    expect(result.deals.all).toEqual({ closed: 0, won: 0, lost: 0, winRate: null, medianCycleDays: null });
  });
});
