import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { parseMapping } from '../../src/importers/mapped-csv/column-mapping.js';
import { importExport } from '../../src/services/import.service.js';
import {
  listPeople,
  PEOPLE_FILTERS,
  PEOPLE_SORTS,
  type PeopleSort,
  type PersonSummary,
} from '../../src/services/people.service.js';
import { peopleRepository } from '../../src/store/people.repository.js';
import { textSortKey } from '../../src/store/sort-key.js';
import { describeEachDatabase } from '../support/stores.js';
import { type TestApp, useTestApp } from '../support/test-app.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);

const MAPPING = 'date=Date,person=Contact,email=Email,channel=Type,direction=Direction,network=Network';
/** Online-only, offline-only, mixed and long-ago people, with % and _ and accents in their names. */
const CSV = `Date,Contact,Email,Type,Direction,Network
2026-09-01T10:00:00Z,Ada 100% Lovelace,ada@example.com,message,in,linkedin
2026-10-01T10:00:00Z,Ada 100% Lovelace,ada@example.com,video,,
2026-11-20T10:00:00Z,Bob_Builder,bob@example.com,comment,in,twitter
2026-08-01T10:00:00Z,Zoë Adeyemi,zoe@example.com,coffee,,
2026-11-01T10:00:00Z,Łukasz Wiśniewski,lukasz@example.com,email,out,email
2026-11-02T10:00:00Z,Łukasz Wiśniewski,lukasz@example.com,message,in,linkedin
2026-09-10T10:00:00Z,lucas kaplan,lucas@example.com,message,in,linkedin
2026-09-20T10:00:00Z,lucas kaplan,lucas@example.com,message,out,linkedin
2026-10-10T10:00:00Z,lucas kaplan,lucas@example.com,message,in,linkedin
2026-10-12T10:00:00Z,lucas kaplan,lucas@example.com,message,out,linkedin
2026-11-05T10:00:00Z,Grace Hopper,grace@example.com,message,in,linkedin
2025-01-10T10:00:00Z,Alan Turing,alan@example.com,coffee,,
2025-02-10T10:00:00Z,Alan Turing,alan@example.com,email,out,email
2026-11-25T10:00:00Z,Barbara Liskov,barbara@example.com,comment,in,twitter
`;

const FACTS: Record<string, { company?: string | null; title?: string }> = {
  'Ada 100% Lovelace': { company: 'Acme 50%' },
  'Zoë Adeyemi': { company: 'acme_labs' },
  'Łukasz Wiśniewski': { company: 'Óbuda Works' },
  'lucas kaplan': { company: '' },
  'Grace Hopper': { company: 'Navy', title: 'Rear Admiral' },
  'Alan Turing': { title: 'Mathematician' },
};

/** The book above, plus two people known by name only (no touches, so nothing to measure). */
async function buildBook(app: TestApp): Promise<void> {
  const dir = await app.folder({ 'book.csv': CSV });
  await importExport(app.ctx, [dir], { mapping: parseMapping(MAPPING) });
  const db = app.ctx.store.db;
  for (const name of ['Nobody Known', 'Émile Roux']) {
    await peopleRepository.insert(db, {
      display_name: name,
      first_name: null,
      last_name: null,
      company: null,
      title: null,
      location: null,
      cadence_days: null,
      connected_at: null,
      import_id: null,
      created_at: NOW,
      updated_at: NOW,
    });
  }
  const people = await peopleRepository.listContacts(db);
  for (const person of people) {
    const facts = FACTS[person.display_name];
    if (facts) await peopleRepository.update(db, person.id, facts, NOW);
  }
}

const SORT_VALUE: Record<PeopleSort, (p: PersonSummary) => number | string | null> = {
  strength: (p) => p.strength,
  offline: (p) => p.offlineRatio,
  live: (p) => p.liveRatio,
  last: (p) => p.lastRealConversationAt,
  name: (p) => textSortKey(p.name),
  company: (p) => textSortKey(p.company),
};
const NATURAL: Record<PeopleSort, 'asc' | 'desc'> = {
  strength: 'desc',
  offline: 'desc',
  live: 'desc',
  last: 'desc',
  name: 'asc',
  company: 'asc',
};

/** The order the list promises, computed independently in memory: unknowns last, ties by id. */
function expectedOrder(people: readonly PersonSummary[], sort: PeopleSort, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  const idSign = order === NATURAL[sort] ? 1 : -1;
  return [...people].sort((a, b) => {
    const [x, y] = [SORT_VALUE[sort](a), SORT_VALUE[sort](b)];
    if (x === null || y === null) return x === y ? idSign * (a.id - b.id) : x === null ? 1 : -1;
    if (x !== y) return sign * (x < y ? -1 : 1);
    return idSign * (a.id - b.id);
  });
}

const names = (people: readonly PersonSummary[]) => people.map((p) => p.name);

describeEachDatabase('the people list as indexed pages', (dialect) => {
  const app = useTestApp(dialect, NOW);

  it('sorts by every key in both orders with unknowns last, and pages through the same order', async () => {
    await buildBook(app);
    const everyone = await listPeople(app.ctx, { sort: 'name' });
    expect(everyone.total).toBe(10);
    // Words A–Z as a reader expects them, accents and case aside.
    expect(names(everyone.people)).toEqual([
      'Ada 100% Lovelace',
      'Alan Turing',
      'Barbara Liskov',
      'Bob_Builder',
      'Émile Roux',
      'Grace Hopper',
      'lucas kaplan',
      'Łukasz Wiśniewski',
      'Nobody Known',
      'Zoë Adeyemi',
    ]);
    const companies = (await listPeople(app.ctx, { sort: 'company' })).people.map((p) => p.company);
    expect(companies.slice(0, 4)).toEqual(['Acme 50%', 'acme_labs', 'Navy', 'Óbuda Works']);
    // No company, or a blank one, is unknown and last.
    expect(companies.slice(4).every((c) => c === null || c === '')).toBe(true);
    const offline = (await listPeople(app.ctx, { sort: 'offline', order: 'asc' })).people;
    expect(offline.at(-1)!.offlineRatio).toBeNull();
    expect(offline[0]!.offlineRatio).not.toBeNull();

    for (const sort of PEOPLE_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        const all = await listPeople(app.ctx, { sort, order });
        const label = `${sort} ${order}`;
        expect(all.total, label).toBe(10);
        expect(
          all.people.map((p) => p.id),
          label,
        ).toEqual(expectedOrder(everyone.people, sort, order).map((p) => p.id));
        const paged: PersonSummary[] = [];
        for (let offset = 0; offset < all.total; offset += 3) {
          const page = await listPeople(app.ctx, { sort, order, limit: 3, offset });
          expect(page.total, label).toBe(10);
          paged.push(...page.people);
        }
        expect(paged, label).toEqual(all.people);
      }
      const natural = await listPeople(app.ctx, { sort });
      expect(natural.people, sort).toEqual(
        (await listPeople(app.ctx, { sort, order: NATURAL[sort] })).people,
      );
    }
    expect(await listPeople(app.ctx, { offset: 10, limit: 5 })).toEqual({ total: 10, people: [] });
    expect((await listPeople(app.ctx, { limit: 0 })).people).toHaveLength(10);
  });

  it('filters by flag and searches name, company and title literally, ignoring case and accents', async () => {
    await buildBook(app);
    const everyone = (await listPeople(app.ctx)).people;
    for (const filter of PEOPLE_FILTERS) {
      const { total, people } = await listPeople(app.ctx, { filter });
      expect(people, filter).toEqual(everyone.filter((p) => p.flags.includes(filter)));
      expect(total, filter).toBe(people.length);
    }
    expect(everyone.some((p) => p.flags.length > 0)).toBe(true);

    const found = async (search: string) =>
      names((await listPeople(app.ctx, { search, sort: 'name' })).people);
    expect(await found('%')).toEqual(['Ada 100% Lovelace']);
    expect(await found('_')).toEqual(['Bob_Builder', 'Zoë Adeyemi']);
    expect(await found('0%')).toEqual(['Ada 100% Lovelace']);
    expect(await found('LUKASZ')).toEqual(['Łukasz Wiśniewski']);
    expect(await found('zoë')).toEqual(['Zoë Adeyemi']);
    expect(await found('admiral')).toEqual(['Grace Hopper']);
    expect(await found('  ACME ')).toEqual(['Ada 100% Lovelace', 'Zoë Adeyemi']);
    expect(await found('obuda')).toEqual(['Łukasz Wiśniewski']);
    // A search never runs across two fields (name, then company).
    expect(await found('hopper navy')).toEqual([]);
    expect(await found('no one like this')).toEqual([]);

    const l = await listPeople(app.ctx, { search: 'l', sort: 'name', limit: 2, offset: 1 });
    const allL = await listPeople(app.ctx, { search: 'l', sort: 'name' });
    expect(l.total).toBe(allL.total);
    expect(l.people).toEqual(allL.people.slice(1, 3));
  });

  it('keeps a renamed person in their place without re-evaluating them', async () => {
    await buildBook(app);
    const nobody = (await listPeople(app.ctx, { search: 'nobody' })).people[0]!;
    await peopleRepository.update(app.ctx.store.db, nobody.id, { display_name: 'Aaron Aardvark' }, NOW);
    const [first] = (await listPeople(app.ctx, { sort: 'name', limit: 1 })).people;
    expect(first).toMatchObject({ id: nobody.id, name: 'Aaron Aardvark' });
    expect(names((await listPeople(app.ctx, { search: 'aardvark' })).people)).toEqual(['Aaron Aardvark']);
  });

  it('fills in what evaluations stored before the list columns existed lack, on the next read', async () => {
    await buildBook(app);
    const before = await listPeople(app.ctx, { sort: 'offline' });
    // As migration 0005 leaves older rows: the new columns empty and every row due.
    await sql`update person_evaluations set offline_ratio = null, live_ratio = null, last_real_at = null,
      last_touch_at = null, name_key = null, company_key = null, search_text = null, recheck_at = 0`.execute(
      app.ctx.store.db,
    );
    expect(await listPeople(app.ctx, { sort: 'offline' })).toEqual(before);
  });
});
