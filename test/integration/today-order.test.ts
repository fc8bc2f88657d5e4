import { expect, it } from 'vitest';
import { DAY_MS } from '../../src/core/duration.js';
import { rankToday, urgencyDaysAt, urgencySinceOf } from '../../src/core/today.js';
import { today } from '../../src/services/today.service.js';
import { evaluationsRepository } from '../../src/store/evaluations.repository.js';
import { allCandidates, RANDOM_BOOK_NOW as NOW, randomBook } from '../support/random-book.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('Today ranked in SQL', (dialect) => {
  const app = useTestApp(dialect, NOW);

  it('pages exactly like rankToday over every candidate, ties included, on random books', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      await app.ctx.store.db.deleteFrom('deal_people').execute();
      await app.ctx.store.db.deleteFrom('deals').execute();
      await app.ctx.store.db.deleteFrom('person_evaluations').execute();
      await app.ctx.store.db.deleteFrom('interaction_participants').execute();
      await app.ctx.store.db.deleteFrom('interactions').execute();
      await app.ctx.store.db.deleteFrom('people').execute();
      await randomBook(app, seed);
      const candidates = await allCandidates(app);
      const onToday = rankToday(candidates, NOW, Number.POSITIVE_INFINITY);
      // The books must exercise what the order is about: every bucket, and full ties to break.
      expect(new Set(onToday.map((c) => c.bucket)), `seed ${seed}`).toEqual(
        new Set(['stuck', 'overdue', 'dormant']),
      );
      // Later moments too: urgency days are counted at `now`, from the stored instants.
      for (const later of [0, 1, 3_600_000, DAY_MS - 1, 5 * DAY_MS + 7_200_000]) {
        const now = NOW + later;
        for (const limit of [1, 5, 1000]) {
          const page = await evaluationsRepository.todayPage(app.ctx.store.db, now, limit);
          const expected = rankToday(candidates, now, limit);
          expect(
            page.map((r) => r.id),
            `seed ${seed}, +${later} ms, limit ${limit}`,
          ).toEqual(expected.map((c) => c.id));
        }
      }
    }
  });

  it("knows the next moment any Today person's whole days of urgency grow", async () => {
    await randomBook(app, 12);
    const candidates = await allCandidates(app);
    for (const now of [NOW, NOW + 1, NOW + 3_600_000 - 1, NOW + 2 * DAY_MS + 123]) {
      const ticks = rankToday(candidates, now, Number.POSITIVE_INFINITY).flatMap((item) => {
        const since = urgencySinceOf(item.bucket, item.evaluation);
        return since === null ? [] : [since + (urgencyDaysAt(since, now) + 1) * DAY_MS];
      });
      const next = await evaluationsRepository.nextUrgencyDay(app.ctx.store.db, now);
      expect(next).toBe(Math.min(...ticks));
      expect(next).toBeGreaterThan(now);
      // Just before it the order is the one at `now`; the count of days does not change.
      for (const item of rankToday(candidates, next! - 1, Number.POSITIVE_INFINITY)) {
        const since = urgencySinceOf(item.bucket, item.evaluation);
        expect(urgencyDaysAt(since, next! - 1)).toBe(urgencyDaysAt(since, now));
      }
    }
  });

  it('shows the SQL page through the Today service, evaluated afresh', async () => {
    await randomBook(app, 11);
    const expected = rankToday(await allCandidates(app), NOW, 10);
    const { entries } = await today(app.ctx, { limit: 10 });
    expect(entries.map((e) => [e.id, e.bucket])).toEqual(expected.map((c) => [c.id, c.bucket]));
  });
});
