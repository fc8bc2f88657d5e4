import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseMapping } from '../../src/importers/mapped-csv/column-mapping.js';
import type { ExpectedPerson } from '../../src/sample/expected-people.js';
import {
  generateMultiSourceExport,
  type MultiSourceResult,
} from '../../src/sample/multi-source.generator.js';
import { type AppContext, openApp } from '../../src/services/app-context.js';
import { refreshDueEvaluations } from '../../src/services/evaluation.service.js';
import { importPaths } from '../../src/services/import.service.js';
import { duplicateSuggestions } from '../../src/services/merge.service.js';
import { evaluationsRepository } from '../../src/store/evaluations.repository.js';
import { interactionsRepository } from '../../src/store/interactions.repository.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/stores.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);

/** The identities that tie a human together for certain (names alone never do). */
function certainKeys(p: ExpectedPerson): string[] {
  const skip = new Set(p.nameOnly ?? []);
  const keys = [...p.emails.map((e) => `email:${e.toLowerCase()}`), ...p.phones.map((n) => `phone:${n}`)];
  if (p.linkedinSlug && !skip.has('linkedinSlug')) keys.push(`linkedin:${p.linkedinSlug.toLowerCase()}`);
  if (p.twitterId && !skip.has('twitterId')) keys.push(`twitter:${p.twitterId}`);
  if (p.instagramUser && !skip.has('instagramUser')) keys.push(`instagram:${p.instagramUser.toLowerCase()}`);
  if (p.skypeId && !skip.has('skypeId')) keys.push(`skype:${p.skypeId.replace(/^8:/, '')}`);
  if (p.googleId && !skip.has('googleId')) keys.push(`google:${p.googleId}`);
  return keys;
}

describeEachDatabase('a generated whole digital life', (dialect) => {
  let database: TestDatabase;
  let ctx: AppContext;
  let dir: string;
  let life: MultiSourceResult;
  let owners: Map<string, number>;
  let personOf: Map<string, number>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-life-'));
    life = await generateMultiSourceExport(dir, { seed: 42, people: 40, now: NOW });
    database = await createTestDatabase(dialect);
    ctx = await openApp(database.location, { clock: () => NOW });
    const crm = life.files.filter((f) => f.source === 'csv').map((f) => f.path);
    const others = life.files.filter((f) => f.source !== 'csv').map((f) => f.path);
    await importPaths(ctx, others, { defaultRegion: 'DE' });
    await importPaths(ctx, crm, {
      mapping: parseMapping(
        'date=Date,person=Contact,email=Email,channel=Type,direction=Direction,text=Notes',
      ),
    });
    const rows = await ctx.store.db
      .selectFrom('identities as i')
      .innerJoin('people as p', 'p.id', 'i.person_id')
      .select(['i.network', 'i.key', 'i.person_id', 'p.is_owner'])
      .execute();
    personOf = new Map(rows.map((r) => [`${r.network}:${r.key}`, r.person_id]));
    owners = new Map(rows.filter((r) => r.is_owner).map((r) => [`${r.network}:${r.key}`, r.person_id]));
  }, 120_000);
  afterAll(async () => {
    await ctx.store.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("joins every human's certain identities into one person", () => {
    for (const member of life.cast) {
      const people = new Set(
        certainKeys(member).flatMap((key) => (personOf.has(key) ? [personOf.get(key)] : [])),
      );
      expect([...people], `${member.displayName}: ${certainKeys(member).join(', ')}`).toHaveLength(
        people.size === 0 ? 0 : 1,
      );
    }
  });

  it('never merges two humans', () => {
    const humanOf = new Map<number, string>();
    for (const member of life.cast) {
      for (const key of certainKeys(member)) {
        const person = personOf.get(key);
        if (person === undefined) continue;
        expect(humanOf.get(person) ?? member.key, `person #${person} (${key})`).toBe(member.key);
        humanOf.set(person, member.key);
      }
    }
  });

  it('recognises the owner in every source and never as a contact', () => {
    const ownerIds = new Set(owners.values());
    expect(ownerIds.size).toBe(1);
    for (const key of certainKeys(life.owner)) {
      if (personOf.has(key)) expect(ownerIds.has(personOf.get(key)!), key).toBe(true);
    }
  });

  it('suggests, and does not merge, the people only a name links', async () => {
    const suggestions = await duplicateSuggestions(ctx);
    const linkedByName = life.cast.filter((m) => (m.nameOnly ?? []).length > 0);
    expect(linkedByName.length).toBeGreaterThan(0);
    const suggested = new Set(suggestions.flatMap((s) => [s.keepName, s.mergeName]));
    for (const member of linkedByName)
      expect(suggested.has(member.displayName), member.displayName).toBe(true);
  });

  it('stores the evaluations that evaluating everyone again from the store gives', async () => {
    // The imports evaluate the people they create from what they hold in memory (touches, and
    // whom each met in group conversations); the store must agree with that exactly.
    // Figures to 12 significant digits: touches summed in another order differ in the last bits.
    const rounded = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value), (_, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v));
    const stored = async () =>
      (
        await ctx.store.db
          .selectFrom('person_evaluations')
          .select(['person_id', 'evaluation', 'recheck_at'])
          .orderBy('person_id')
          .execute()
      ).map((r) => rounded({ ...r, evaluation: JSON.parse(r.evaluation) }));
    // People an import marked due (their company grew) are evaluated again on the next read.
    await refreshDueEvaluations(ctx, NOW);
    const afterImport = await stored();
    const ids = afterImport.map((r) => (r as { person_id: number }).person_id);
    const groups = await interactionsRepository.groupContacts(ctx.store.db, ids);
    expect([...groups.values()].filter((n) => n > 0).length).toBeGreaterThan(0);
    await evaluationsRepository.invalidate(ctx.store.db, 'all');
    await refreshDueEvaluations(ctx, NOW);
    expect(await stored()).toEqual(afterImport);
  });
});
