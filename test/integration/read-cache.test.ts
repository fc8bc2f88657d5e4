import { gunzipSync } from 'node:zlib';
import { beforeEach, expect, it } from 'vitest';
import { MIN_GZIP_BYTES } from '../../src/server/cached-answer.js';
import { type AppContext, openApp } from '../../src/services/app-context.js';
import { logInteraction } from '../../src/services/log.service.js';
import { listPeople } from '../../src/services/people.service.js';
import {
  createReadCache,
  READ_CACHE_MAX_ANSWER_BYTES,
  type ReadKind,
} from '../../src/services/read-cache.service.js';
import { today } from '../../src/services/today.service.js';
import { evaluationsRepository } from '../../src/store/evaluations.repository.js';
import { RANDOM_BOOK_NOW as NOW, randomBook } from '../support/random-book.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestServer } from '../support/test-server.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

describeEachDatabase('Read cache', (dialect) => {
  const api = useTestServer(dialect, NOW);
  let clock = NOW;
  beforeEach(() => {
    clock = NOW;
    api.ctx.clock = () => clock;
  });

  /** A cache over the test app, and the two answers with how many times each was made. */
  function cached() {
    const cache = createReadCache(api.ctx);
    const made = { today: 0, people: 0 };
    const answers = {
      today: () => today(api.ctx, { limit: 5 }).then((r) => JSON.stringify(r)),
      people: () => listPeople(api.ctx, { limit: 20 }).then((r) => JSON.stringify(r)),
    };
    const read = (name: keyof typeof answers, kind: ReadKind) =>
      cache
        .read(name, kind, () => {
          made[name]++;
          return answers[name]();
        })
        .then((answer) => answer.body.toString('utf8'));
    return {
      made,
      today: () => read('today', 'today'),
      people: () => read('people', 'book'),
      fresh: { today: answers.today, people: answers.people },
    };
  }

  /** The person at the top of Today, to write about. */
  async function topOfToday(ctx: AppContext): Promise<number> {
    const { entries } = await today(ctx, { limit: 1 });
    return entries[0]!.id;
  }

  it('serves the kept answer while nothing changed, equal to a fresh one', async () => {
    await randomBook(api, 3);
    const c = cached();
    const first = { today: await c.today(), people: await c.people() };
    for (let i = 0; i < 3; i++) {
      expect(await c.today()).toBe(first.today);
      expect(await c.people()).toBe(first.people);
    }
    expect(c.made).toEqual({ today: 1, people: 1 });
    expect(first.today).toBe(await c.fresh.today());
    expect(first.people).toBe(await c.fresh.people());
    expect(JSON.parse(first.today).entries.length).toBe(5);
  });

  it('makes the answers again after a write in this process', async () => {
    await randomBook(api, 3);
    const c = cached();
    const before = { today: await c.today(), people: await c.people() };
    await logInteraction(api.ctx, { person: `#${await topOfToday(api.ctx)}`, kind: 'coffee', minutes: 45 });
    const after = { today: await c.today(), people: await c.people() };
    expect(c.made).toEqual({ today: 2, people: 2 });
    expect(after.today).not.toBe(before.today);
    expect(after.people).not.toBe(before.people);
    expect(after).toEqual({ today: await c.fresh.today(), people: await c.fresh.people() });
  });

  it('makes the answers again after a write by another connection (the CLI, another server)', async () => {
    await randomBook(api, 4);
    const c = cached();
    const before = await c.today();
    await c.people();
    const other = await openApp(api.database.location, { clock: () => clock });
    try {
      await logInteraction(other, { person: `#${await topOfToday(other)}`, kind: 'call', minutes: 20 });
    } finally {
      await other.store.close();
    }
    // A request after the write: SQLite's counter of other connections' commits is read once per
    // event-loop turn (store/book-version.ts), and this write came from within the same turn.
    await new Promise((resolve) => setImmediate(resolve));
    const after = await c.today();
    expect(after).not.toBe(before);
    expect(after).toBe(await c.fresh.today());
    expect(await c.people()).toBe(await c.fresh.people());
    expect(c.made).toEqual({ today: 2, people: 2 });
  });

  /** Who is on Today and why, without the parts that move with the clock (now, strength, reasons). */
  const lineup = (json: string) =>
    (JSON.parse(json) as Awaited<ReturnType<typeof today>>).entries.map((e) => [e.id, e.bucket, e.flags]);

  it('serves Today within the minute it was made in, and People until an evaluation falls due', async () => {
    // This book's first evaluation falls due five days on, and no one's urgency days grow for 23 hours.
    await randomBook(api, 2);
    const db = api.ctx.store.db;
    const recheck = (await evaluationsRepository.earliestRecheck(db))!;
    expect(recheck).toBeGreaterThan(NOW + DAY);
    expect(await evaluationsRepository.nextUrgencyDay(db, NOW)).toBeGreaterThan(NOW + MINUTE);
    const c = cached();
    await c.today();
    await c.people();
    clock = NOW + MINUTE - 1;
    expect(lineup(await c.today())).toEqual(lineup(await c.fresh.today()));
    expect(c.made.today).toBe(1);
    clock = NOW + MINUTE;
    const next = await c.today();
    expect(c.made.today).toBe(2);
    expect(JSON.parse(next).now).toBe(NOW + MINUTE);
    expect(next).toBe(await c.fresh.today());

    clock = recheck - 1;
    expect(await c.people()).toBe(await c.fresh.people());
    expect(c.made.people).toBe(1);
    clock = recheck;
    const due = await c.people();
    expect(c.made.people).toBe(2);
    expect(due).toBe(await c.fresh.people());
  });

  it('makes Today again when an evaluation falls due before the minute ends', async () => {
    // Here someone's touch leaves the stuck window one millisecond after NOW.
    await randomBook(api, 3);
    expect(await evaluationsRepository.earliestRecheck(api.ctx.store.db)).toBe(NOW + 1);
    const c = cached();
    await c.today();
    clock = NOW + 1;
    const after = await c.today();
    expect(c.made.today).toBe(2);
    expect(after).toBe(await c.fresh.today());
  });

  it('keeps at most the given number of answers, and no answer larger than the bound', async () => {
    const cache = createReadCache(api.ctx, 2);
    let made = 0;
    const produce = (text: string) => async () => {
      made++;
      return text;
    };
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) await cache.read(key, 'book', produce(key));
    // a, b made; a kept; c pushes out b (a was used more recently); a kept; b made again.
    expect(made).toBe(4);
    made = 0;
    const huge = 'x'.repeat(READ_CACHE_MAX_ANSWER_BYTES + 1);
    await cache.read('huge', 'book', produce(huge));
    expect((await cache.read('huge', 'book', produce(huge))).body.length).toBe(huge.length);
    expect(made).toBe(2);
  });

  it('answers the routes from the cache with the same JSON and no-store', async () => {
    await randomBook(api, 6);
    const first = await api.call('GET', '/api/v1/today?limit=4');
    const again = await api.call('GET', '/api/v1/today?limit=4');
    expect(first.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(again.headers['cache-control']).toBe('no-store');
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.json()).toEqual(JSON.parse(JSON.stringify(await today(api.ctx, { limit: 4 }))));

    const page = await api.call('GET', '/api/v1/people?limit=3&sort=name');
    const pageAgain = await api.call('GET', '/api/v1/people?limit=3&sort=name');
    expect(pageAgain.body).toBe(page.body);
    expect(page.json().items).toHaveLength(3);
    const other = await api.call('GET', '/api/v1/people?limit=3&sort=name&order=desc');
    expect(other.json().items[0].id).not.toBe(page.json().items[0].id);

    const id = page.json().items[0].id;
    await api.call('PATCH', `/api/v1/people/${id}`, { body: { relationshipType: 'client' } });
    const changed = await api.call('GET', `/api/v1/people/${id}`);
    expect(changed.statusCode).toBe(200);
    const afterWrite = await api.call('GET', '/api/v1/today?limit=4');
    expect(afterWrite.json()).toEqual(JSON.parse(JSON.stringify(await today(api.ctx, { limit: 4 }))));
  });

  it('sends cached answers gzipped to clients that take gzip, the same JSON', async () => {
    await randomBook(api, 40);
    const url = '/api/v1/people?limit=40';
    const plain = await api.call('GET', url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.rawPayload.length).toBeGreaterThan(MIN_GZIP_BYTES);
    const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };
    for (const attempt of [1, 2]) {
      const zipped = await api.call('GET', url, { headers: browser });
      expect(zipped.statusCode, `request ${attempt}`).toBe(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('Accept-Encoding');
      expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    }
    // gzip refused, or a small answer: sent as it is.
    const refused = await api.call('GET', url, { headers: { 'accept-encoding': 'gzip;q=0, br' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
    const small = await api.call('GET', '/api/v1/people?limit=1', { headers: browser });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().items).toHaveLength(1);
  });
});
