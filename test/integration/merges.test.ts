import { expect, it } from 'vitest';
import { importExport } from '../../src/services/import.service.js';
import { undoImport } from '../../src/services/imports.service.js';
import { logInteraction } from '../../src/services/log.service.js';
import { duplicateSuggestions, listMerges, mergePeople, unmerge } from '../../src/services/merge.service.js';
import { listPeople } from '../../src/services/people.service.js';
import { showPerson } from '../../src/services/person.service.js';
import { type Contact, connectedOn, thread } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestApp } from '../support/test-app.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const DAY = 86_400_000;
const ada: Contact = {
  first: 'Ada',
  last: 'Lovelace',
  slug: 'ada-lovelace-1a2b',
  company: 'Analytical Engines',
  connectedOn: connectedOn(NOW, 400),
};
const alias: Contact = {
  first: 'A.',
  last: 'Lovelace',
  slug: 'a-lovelace-77',
  company: 'Analytical Engines',
  connectedOn: connectedOn(NOW, 100),
};

describeEachDatabase('merges', (dialect) => {
  const app = useTestApp(dialect, NOW);
  const snapshot = async (query: string) => {
    const p = await showPerson(app.ctx, query, { timelineLimit: 500 });
    return {
      id: p.id,
      name: p.name,
      company: p.company,
      identities: p.identities.map((i) => i.key).sort(),
      timeline: p.timeline.map((t) => t.id).sort((a, b) => a - b),
    };
  };

  it('suggests the pair, merges it, and unmerges it exactly, even after a later import', async () => {
    await importExport(app.ctx, [
      app.linkedinExport({
        contacts: [ada, alias],
        messages: [...thread(ada, NOW, 4, 3, 1), ...thread(alias, NOW, 3, 5, 2)],
      }),
    ]);
    await logInteraction(app.ctx, { person: 'A. Lovelace', kind: 'coffee', at: NOW - 2 * DAY });
    const adaBefore = await snapshot('Ada Lovelace');
    const aliasBefore = await snapshot('A. Lovelace');

    const [suggestion] = await duplicateSuggestions(app.ctx);
    expect(suggestion).toMatchObject({ keepName: 'Ada Lovelace', mergeName: 'A. Lovelace' });
    expect(suggestion?.reasons.join()).toMatch(/at Analytical Engines/);

    const mergeId = await mergePeople(app.ctx, adaBefore.id, aliasBefore.id);
    const merged = await snapshot('Ada Lovelace');
    expect(merged.identities).toEqual([...adaBefore.identities, ...aliasBefore.identities].sort());
    expect(merged.timeline).toEqual([...adaBefore.timeline, ...aliasBefore.timeline].sort((a, b) => a - b));
    expect((await listPeople(app.ctx)).total).toBe(1);
    expect(await duplicateSuggestions(app.ctx)).toEqual([]);

    // A later export still knows the alias's profile: its new messages land on the merged person.
    const later = await importExport(app.ctx, [
      app.linkedinExport({
        messages: thread({ ...alias, slug: alias.slug }, NOW, 2, 1, 0).map((m, i) => ({
          ...m,
          content: `later ${i}`,
        })),
      }),
    ]);
    expect(later.totals.peopleCreated).toBe(0);
    expect((await snapshot('Ada Lovelace')).timeline.length).toBe(merged.timeline.length + 2);

    const { restoredId } = await unmerge(app.ctx, mergeId);
    expect(restoredId).toBe(aliasBefore.id);
    expect(await snapshot('Ada Lovelace')).toEqual(adaBefore);
    const aliasAfter = await snapshot(`#${aliasBefore.id}`);
    expect(aliasAfter.identities).toEqual(aliasBefore.identities);
    expect(aliasAfter.timeline.length).toBe(aliasBefore.timeline.length + 2);
    expect(aliasAfter.timeline.slice(0, aliasBefore.timeline.length)).toEqual(aliasBefore.timeline);
    // An unmerged pair is not suggested again.
    expect(await duplicateSuggestions(app.ctx)).toEqual([]);
    await expect(unmerge(app.ctx, mergeId)).rejects.toMatchObject({ code: 'merge.already_undone' });
  });

  it('merges on a certain match inside an import, and undoing that import undoes the merge', async () => {
    // Known by name and email from an old export, and separately by profile from messages.
    await importExport(app.ctx, [
      app.linkedinExport({ contacts: [{ ...ada, noUrl: true, email: 'ada@example.com' }] }),
    ]);
    await importExport(app.ctx, [app.linkedinExport({ messages: thread(ada, NOW, 2, 1, 1) })]);
    expect((await listPeople(app.ctx)).total).toBe(2);

    // A connection row naming both the profile and the email: one human.
    const linking = await importExport(app.ctx, [
      app.linkedinExport({ contacts: [{ ...ada, email: 'ada@example.com' }] }),
    ]);
    expect((await listPeople(app.ctx)).total).toBe(1);
    const [merge] = await listMerges(app.ctx);
    expect(merge).toMatchObject({ importId: linking.importId, confidence: 1 });
    expect(merge?.reason).toMatch(/certain match: Connections\.csv names/);

    await undoImport(app.ctx, linking.importId);
    expect((await listPeople(app.ctx)).total).toBe(2);
    expect((await listMerges(app.ctx))[0]?.undoneAt).not.toBeNull();
  });

  it('moves plans and deal memberships with a merge, and gives them back on unmerge', async () => {
    await importExport(app.ctx, [app.linkedinExport({ contacts: [ada, alias] })]);
    const keep = (await showPerson(app.ctx, 'Ada Lovelace')).id;
    const gone = (await showPerson(app.ctx, 'A. Lovelace')).id;
    const db = app.ctx.store.db;
    const plan = await db
      .insertInto('plans')
      .values({
        person_id: gone,
        kind: 'coffee',
        status: 'proposed',
        minutes: 45,
        why: 'spoke live but never met',
        invite_uid: 'plan-1@rapport',
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const deal = (title: string) =>
      db
        .insertInto('deals')
        .values({ title, stage: 'lead', status: 'open', opened_at: NOW, created_at: NOW, updated_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow();
    const [onlyTheirs, both] = [await deal('Engines'), await deal('Looms')];
    await db
      .insertInto('deal_people')
      .values([
        { deal_id: onlyTheirs.id, person_id: gone },
        { deal_id: both.id, person_id: gone },
        { deal_id: both.id, person_id: keep },
      ])
      .execute();
    const members = async () =>
      (
        await db
          .selectFrom('deal_people')
          .select(['deal_id', 'person_id'])
          .orderBy('deal_id')
          .orderBy('person_id')
          .execute()
      ).map((r) => `${r.deal_id}:${r.person_id}`);
    const before = await members();
    const planOwner = async () =>
      (await db.selectFrom('plans').select('person_id').where('id', '=', plan.id).executeTakeFirstOrThrow())
        .person_id;

    const mergeId = await mergePeople(app.ctx, keep, gone);
    expect(await planOwner()).toBe(keep);
    expect(await members()).toEqual([`${onlyTheirs.id}:${keep}`, `${both.id}:${keep}`]);

    await unmerge(app.ctx, mergeId);
    expect(await planOwner()).toBe(gone);
    expect(await members()).toEqual(before);
  });

  it('refuses to merge a person with themselves or someone who is not there', async () => {
    await importExport(app.ctx, [app.linkedinExport({ contacts: [ada] })]);
    const { id } = await showPerson(app.ctx, 'ada');
    await expect(mergePeople(app.ctx, id, id)).rejects.toMatchObject({ code: 'merge.invalid' });
    await expect(mergePeople(app.ctx, id, id + 999)).rejects.toMatchObject({ code: 'person.not_found' });
  });
});
