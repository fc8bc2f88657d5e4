import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isRapportError } from '../../src/errors.js';
import { generateLinkedInExport } from '../../src/sample/linkedin-export.generator.js';
import { sampleExportFileName } from '../../src/sample/sample-paths.js';
import { openApp } from '../../src/services/app-context.js';
import { importExport, importPaths } from '../../src/services/import.service.js';
import { listImports, undoImport } from '../../src/services/imports.service.js';
import { logInteraction } from '../../src/services/log.service.js';
import { listPeople } from '../../src/services/people.service.js';
import { showPerson } from '../../src/services/person.service.js';
import { updatePerson } from '../../src/services/person-update.service.js';
import { SAMPLE_SIZE } from '../../src/services/sample.service.js';
import { resetScoreSetting, scoreSettings, setScoreSetting } from '../../src/services/settings.service.js';
import { today } from '../../src/services/today.service.js';
import { peopleRepository } from '../../src/store/people.repository.js';
import { type Contact, connectedOn, thread } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestApp } from '../support/test-app.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const ada: Contact = {
  first: 'Ada',
  last: 'Lovelace',
  slug: 'ada-lovelace-1a2b',
  company: 'Analytical Engines',
  position: 'CTO',
  connectedOn: connectedOn(NOW, 400),
};
const grace: Contact = {
  first: 'Grace',
  last: 'Hopper',
  slug: 'grace-hopper-3c4d',
  company: 'Navy Labs',
  position: 'Director',
  connectedOn: connectedOn(NOW, 900),
};
const alan: Contact = {
  first: 'Alan',
  last: 'Turing',
  slug: 'alan-turing-5e6f',
  company: 'Bletchley',
  connectedOn: connectedOn(NOW, 20),
};

describeEachDatabase('services', (dialect) => {
  const app = useTestApp(dialect, NOW);

  it('imports connections and messages, and a second import of the same export adds nothing', async () => {
    const dir = app.linkedinExport({ contacts: [ada, grace, alan], messages: thread(ada, NOW, 12, 4, 2) });
    const first = await importExport(app.ctx, [dir]);
    expect(first.totals).toMatchObject({
      imported: 1 + 3 + 12,
      duplicates: 0,
      rejected: 0,
      peopleCreated: 3,
    });
    expect(first.files.find((f) => f.file === 'Connections.csv')).toMatchObject({ read: 3, imported: 3 });
    expect(first.files.find((f) => f.file === 'messages.csv')).toMatchObject({ read: 12, imported: 12 });

    const second = await importExport(app.ctx, [dir]);
    expect(second.totals).toMatchObject({ imported: 0, duplicates: 1 + 15, peopleCreated: 0 });
    expect(await peopleRepository.count(app.ctx.store.db)).toBe(3);
  });

  it("puts a stuck-online person on today's list with the reason, and a logged coffee takes them off", async () => {
    await importExport(app.ctx, [
      app.linkedinExport({ contacts: [ada, grace, alan], messages: thread(ada, NOW, 12, 4, 2) }),
    ]);
    const before = await today(app.ctx);
    const entry = before.entries.find((e) => e.name === 'Ada Lovelace');
    expect(entry?.bucket).toBe('stuck');
    // First message 46 days ago: the span runs to today.
    expect(entry?.reason).toMatch(/^12 LinkedIn messages over 7 weeks, never spoke/);
    expect(entry?.flags).toContain('stuck');

    const logged = await logInteraction(app.ctx, {
      person: 'ada',
      kind: 'coffee',
      at: NOW - 3600_000,
      minutes: 45,
      note: 'Pilot scope',
    });
    expect(logged.person.flags).not.toContain('stuck');
    expect(logged.person.evaluation.balance.liveRatio).toBeGreaterThan(0);
    const after = await today(app.ctx);
    expect(after.entries.find((e) => e.name === 'Ada Lovelace')?.bucket).not.toBe('stuck');
    const shown = await showPerson(app.ctx, 'Ada Lovelace');
    expect(shown.timeline[0]).toMatchObject({ activity: 'coffee', note: 'Pilot scope', length: 45 });
  });

  it('scores the list from stored totals exactly as the full history scores one person', async () => {
    await importExport(app.ctx, [
      app.linkedinExport({
        contacts: [ada, grace],
        messages: [...thread(ada, NOW, 12, 4, 2), ...thread(grace, NOW, 9, 40, 200)],
      }),
    ]);
    await logInteraction(app.ctx, { person: 'grace', kind: 'call', at: NOW - 300 * 86_400_000, minutes: 20 });
    const { people } = await listPeople(app.ctx);
    for (const summary of people) {
      const detail = await showPerson(app.ctx, `#${summary.id}`);
      expect(summary.strength).toBeCloseTo(detail.evaluation.score.strength, 9);
      expect(summary.flags).toEqual(detail.flags);
    }
    expect((await listPeople(app.ctx, { filter: 'dormant' })).people.map((p) => p.name)).toEqual([
      'Grace Hopper',
    ]);
    expect((await listPeople(app.ctx, { search: 'NAVY' })).people.map((p) => p.name)).toEqual([
      'Grace Hopper',
    ]);
  });

  it('imports the generated sample export with exactly the counts the generator wrote', async () => {
    const dir = app.linkedinExport({ contacts: [] });
    const zip = join(dir, sampleExportFileName(NOW));
    const sample = await generateLinkedInExport(zip, { ...SAMPLE_SIZE, now: NOW });
    const result = await importExport(app.ctx, [zip]);
    const file = (name: string) => result.files.find((f) => f.file === name);
    expect(file('Connections.csv')).toMatchObject({
      read: sample.connections,
      imported: sample.connections,
      rejected: 0,
    });
    expect(file('messages.csv')).toMatchObject({
      read: sample.messages,
      imported: sample.messages,
      rejected: 0,
    });
    expect(file('Invitations.csv')).toMatchObject({ read: sample.invitations, imported: sample.invitations });
    expect(file('guide_messages.csv')).toMatchObject({ status: 'skipped' });
    expect(result.totals.rejected).toBe(0);
    const again = await importExport(app.ctx, [zip]);
    expect(again.totals.imported).toBe(0);
    expect(again.previousImportId).toBe(result.importId);
  });

  it('reads an export split over two folders as one import, and names what it cannot read', async () => {
    const part1 = app.linkedinExport({ contacts: [ada, grace] });
    const part2 = app.linkedinExport({ profile: false, messages: thread(ada, NOW, 4, 2, 1) });
    const results = await importPaths(app.ctx, [part1, part2]);
    expect(results).toHaveLength(1);
    expect(results[0]?.totals).toMatchObject({ imported: 1 + 2 + 4, rejected: 0 });
    const stray = app.linkedinExport({ profile: false });
    writeFileSync(join(stray, 'notes.txt'), 'not an export');
    const error = await importPaths(app.ctx, [stray]).catch((e: unknown) => e);
    expect(isRapportError(error) && error.code).toBe('import.unrecognised');
    expect((error as Error).message).toMatch(/notes\.txt/);
  });

  it('a relationship type, a personal cadence and scoring settings change flags at once', async () => {
    await importExport(app.ctx, [app.linkedinExport({ contacts: [ada, grace] })]);
    expect((await showPerson(app.ctx, 'grace')).flags).toEqual([]);
    const prospect = await updatePerson(app.ctx, 'grace', { relationshipType: 'prospect' });
    expect(prospect.relationshipType).toBe('prospect');
    expect(prospect.flags).toContain('overdue');
    expect((await listPeople(app.ctx, { filter: 'overdue' })).people.map((p) => p.name)).toEqual([
      'Grace Hopper',
    ]);
    await updatePerson(app.ctx, 'grace', { cadenceDays: 3000 });
    expect((await listPeople(app.ctx, { filter: 'overdue' })).people).toEqual([]);
    await expect(updatePerson(app.ctx, 'grace', { relationshipType: 'enemy' })).rejects.toMatchObject({
      code: 'input.invalid',
    });

    // A cadence for everyone else ("other") makes Ada overdue too, after the app re-reads its settings.
    await setScoreSetting(app.ctx, 'cadenceDays.other', 30);
    const reopened = await openApp(app.database.location, { clock: () => NOW });
    try {
      expect((await listPeople(reopened, { filter: 'overdue' })).people.map((p) => p.name)).toEqual([
        'Ada Lovelace',
      ]);
      expect((await scoreSettings(reopened)).overrides).toEqual({ cadenceDays: { other: 30 } });
      await expect(setScoreSetting(reopened, 'weights.email', 0.9)).rejects.toThrow(
        /weights\.call must be greater/,
      );
      await expect(setScoreSetting(reopened, 'halfLife', 30)).rejects.toThrow(
        /halfLife is not a known setting/,
      );
      await resetScoreSetting(reopened, 'cadenceDays.other');
      expect((await scoreSettings(reopened)).overrides).toEqual({ cadenceDays: {} });
    } finally {
      await reopened.store.close();
    }
  });

  it('re-evaluates stored evaluations when time moves past their horizon', async () => {
    await importExport(app.ctx, [
      app.linkedinExport({ contacts: [ada], messages: thread(ada, NOW, 12, 4, 2) }),
    ]);
    expect((await listPeople(app.ctx, { filter: 'stuck' })).people.map((p) => p.name)).toEqual([
      'Ada Lovelace',
    ]);
    const later = await openApp(app.database.location, { clock: () => NOW + 120 * 86_400_000 });
    try {
      // Every message is now more than 90 days old: no longer stuck, and nothing was written since.
      expect((await listPeople(later, { filter: 'stuck' })).people).toEqual([]);
      expect((await today(later)).entries.find((e) => e.name === 'Ada Lovelace')?.bucket).not.toBe('stuck');
      const [summary] = (await listPeople(later)).people;
      expect(summary?.strength).toBeCloseTo((await showPerson(later, 'ada')).evaluation.score.strength, 9);
    } finally {
      await later.store.close();
    }
  });

  it('a later import that adds a colleague updates the structure term of people already there', async () => {
    await importExport(app.ctx, [app.linkedinExport({ contacts: [ada] })]);
    const before = (await showPerson(app.ctx, 'ada')).evaluation.score.terms.structure;
    const babbage: Contact = {
      first: 'Charles',
      last: 'Babbage',
      slug: 'charles-babbage-9z',
      company: 'Analytical Engines',
      connectedOn: connectedOn(NOW, 50),
    };
    await importExport(app.ctx, [app.linkedinExport({ contacts: [babbage] })]);
    const detail = await showPerson(app.ctx, 'ada');
    expect(detail.evaluation.score.terms.structure).toBeGreaterThan(before);
    const listed = (await listPeople(app.ctx)).people.find((p) => p.name === 'Ada Lovelace');
    expect(listed?.strength).toBeCloseTo(detail.evaluation.score.strength, 9);
  });

  it('undo removes exactly what one import added and keeps what others and the user added', async () => {
    const contactsOnly = await importExport(app.ctx, [app.linkedinExport({ contacts: [ada, grace] })]);
    const withMessages = await importExport(app.ctx, [
      app.linkedinExport({ contacts: [ada, alan], messages: thread(ada, NOW, 6, 3, 1) }),
    ]);
    await logInteraction(app.ctx, { person: 'alan', kind: 'video', at: NOW - 86_400_000 });

    const undone = await undoImport(app.ctx, withMessages.importId);
    expect(undone).toMatchObject({ interactionsRemoved: 6, peopleRemoved: 0 });
    // Alan came with the undone import but has a hand-logged call: he stays, without his LinkedIn identity.
    const alanNow = await showPerson(app.ctx, 'alan');
    expect(alanNow.identities).toEqual([]);
    expect(alanNow.timeline.map((t) => t.activity)).toEqual(['video']);
    // Ada was seen by both imports: she and her identity stay, her messages go.
    const adaNow = await showPerson(app.ctx, 'ada');
    expect(adaNow.identities.map((i) => i.key)).toEqual(['ada-lovelace-1a2b']);
    expect(adaNow.timelineTotal).toBe(0);

    await undoImport(app.ctx, contactsOnly.importId);
    expect((await listPeople(app.ctx)).people.map((p) => p.name)).toEqual(['Alan Turing']);
    expect((await listImports(app.ctx)).map((i) => i.status)).toEqual(['undone', 'undone']);
    await expect(undoImport(app.ctx, contactsOnly.importId)).rejects.toMatchObject({
      code: 'import.already_undone',
    });
  });

  it('an export with no records is an error and stores nothing', async () => {
    const dir = app.linkedinExport({ contacts: [] });
    const error = await importExport(app.ctx, [dir]).catch((e: unknown) => e);
    expect(isRapportError(error) && error.code).toBe('import.empty');
    expect(await peopleRepository.count(app.ctx.store.db)).toBe(0);
    expect((await listImports(app.ctx))[0]).toMatchObject({ status: 'failed' });
  });

  it('reports a bad row with its file and line, and imports the rest', async () => {
    const dir = app.linkedinExport({ contacts: [ada], messages: thread(ada, NOW, 3, 1, 1) });
    writeFileSync(
      join(dir, 'messages.csv'),
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n2-x,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace-1a2b,Morgan Avery,https://www.linkedin.com/in/morgan-avery-0a1b2c,not a date,,hi,INBOX\n2-x,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace-1a2b,Morgan Avery,https://www.linkedin.com/in/morgan-avery-0a1b2c,2026-11-01 10:00:00 UTC,,hello,INBOX\n',
    );
    const result = await importExport(app.ctx, [dir]);
    const messages = result.files.find((f) => f.file === 'messages.csv');
    expect(messages).toMatchObject({ read: 2, imported: 1, rejected: 1 });
    expect(messages?.rejections[0]).toMatchObject({ line: 2 });
    expect(messages?.rejections[0]?.reason).toMatch(/not a date/);
  });

  it('finds people by id or name and explains ambiguity', async () => {
    await importExport(app.ctx, [
      app.linkedinExport({ contacts: [ada, { ...ada, first: 'Adam', slug: 'adam-x' }] }),
    ]);
    await expect(showPerson(app.ctx, 'ada')).resolves.toMatchObject({ name: 'Ada Lovelace' });
    await expect(showPerson(app.ctx, 'Lovelace')).rejects.toMatchObject({ code: 'person.ambiguous' });
    await expect(showPerson(app.ctx, 'nobody')).rejects.toMatchObject({ code: 'person.not_found' });
  });
});
