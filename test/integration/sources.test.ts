import { expect, it } from 'vitest';
import { silkyrichFiles } from '../../src/importers/fixture-export.test-support.js';
import { igsiftExport } from '../../src/importers/instagram/instagram-export.test-support.js';
import { importPaths } from '../../src/services/import.service.js';
import { duplicateSuggestions } from '../../src/services/merge.service.js';
import { listPeople } from '../../src/services/people.service.js';
import { showPerson } from '../../src/services/person.service.js';
import { type Contact, connectedOn, thread } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestApp } from '../support/test-app.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);

describeEachDatabase('real-format fixtures through the import service', (dialect) => {
  const app = useTestApp(dialect, NOW);

  it('imports the LinkedIn sample export and the Instagram sample export in one command, twice', async () => {
    const linkedin = await app.folder(silkyrichFiles());
    const instagram = await app.folder(igsiftExport());
    const first = await importPaths(app.ctx, [linkedin, instagram]);
    expect(first.map((r) => r.source)).toEqual(['linkedin', 'instagram']);
    const [li, ig] = first;
    // Owner + 300 connections + 148 messages (150 rows, 2 drafts) + 162 invitations, and the
    // owner's own PhoneNumbers.csv rows whose 7-digit +1 numbers are not possible (rejected).
    expect(li?.totals).toMatchObject({ read: 1 + 300 + 148 + 162 + 2, rejected: 2 });
    expect(li?.totals.imported).toBe(li!.totals.read - 2);
    // Owner + 6 follows + 11 messages and 5 reactions; the owner is already known from LinkedIn,
    // and one account both follows and is followed: two records that add nothing new.
    expect(ig?.totals).toMatchObject({ read: 1 + 6 + 16, imported: 6 + 16 - 1, duplicates: 2, rejected: 0 });

    const people = (await listPeople(app.ctx)).total;
    const again = await importPaths(app.ctx, [linkedin, instagram]);
    expect(again.map((r) => r.totals.imported)).toEqual([0, 0]);
    expect((await listPeople(app.ctx)).total).toBe(people);
  });

  it('joins one human across LinkedIn, mail, a contact card and a calendar, and never makes the owner a contact', async () => {
    const now = NOW;
    const ada: Contact = {
      first: 'Ada',
      last: 'Lovelace',
      slug: 'ada-lovelace-1a2b',
      company: 'Analytical Engines',
      connectedOn: connectedOn(now, 400),
    };
    const linkedin = app.linkedinExport({ contacts: [ada], messages: thread(ada, now, 12, 4, 2) });
    const mail = await app.folder({
      'All mail.mbox': [
        'From ada@example.com Mon Nov 23 10:00:00 2026',
        'From: Ada Lovelace <ada@example.com>',
        'To: Morgan Avery <morgan@avery.example>',
        'Delivered-To: morgan@avery.example',
        'Subject: Pilot',
        'Date: Mon, 23 Nov 2026 10:00:00 +0000',
        'Message-ID: <m1@example.com>',
        '',
        'Hello Morgan, shall we talk about the pilot next week?',
        '',
      ].join('\r\n'),
    });
    const card = await app.folder({
      'contacts.vcf': [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Ada Lovelace',
        'N:Lovelace;Ada;;;',
        'EMAIL;TYPE=INTERNET:ada@example.com',
        'URL:https://www.linkedin.com/in/ada-lovelace-1a2b',
        'TEL;TYPE=CELL:030 1234567',
        'ORG:Analytical Engines',
        'END:VCARD',
        '',
      ].join('\r\n'),
    });
    const calendar = await app.folder({
      'morgan.ics': [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Rapport test//EN',
        'BEGIN:VEVENT',
        'UID:coffee-1@test',
        'DTSTAMP:20261128T120000Z',
        'DTSTART:20261120T090000Z',
        'DTEND:20261120T094500Z',
        'SUMMARY:Coffee',
        'LOCATION:Café Einstein\\, Berlin',
        'ORGANIZER;CN=Morgan Avery:mailto:morgan@avery.example',
        'ATTENDEE;CN=Ada Lovelace;PARTSTAT=ACCEPTED:mailto:ada@example.com',
        'ATTENDEE;CN=Morgan Avery;PARTSTAT=ACCEPTED:mailto:morgan@avery.example',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    });

    await importPaths(app.ctx, [linkedin, mail]);
    expect((await listPeople(app.ctx)).people.map((p) => p.name)).toEqual(['Ada Lovelace', 'Ada Lovelace']);
    expect((await duplicateSuggestions(app.ctx))[0]?.reasons.join()).toMatch(/same name/);

    const [cards] = await importPaths(app.ctx, [card], { defaultRegion: 'DE' });
    expect(cards?.source).toBe('contacts');
    const { people } = await listPeople(app.ctx);
    expect(people.map((p) => p.name)).toEqual(['Ada Lovelace']);
    const adaNow = await showPerson(app.ctx, 'ada');
    expect(adaNow.identities.map((i) => `${i.network}:${i.key}`).sort()).toEqual([
      'email:ada@example.com',
      'linkedin:ada-lovelace-1a2b',
      'phone:+49301234567',
    ]);
    expect(adaNow.flags).toContain('stuck');

    const [meetings] = await importPaths(app.ctx, [calendar]);
    expect(meetings?.totals).toMatchObject({ imported: 1, rejected: 0 });
    const met = await showPerson(app.ctx, 'ada');
    expect(met.flags).not.toContain('stuck');
    expect(met.timeline.find((t) => t.channel === 'in_person')).toBeDefined();
    expect((await listPeople(app.ctx)).total).toBe(1);
  });

  it('names an account first known only by id once a later export names it', async () => {
    const account =
      'window.YTD.account.part0 = [{"account":{"accountId":"7","username":"morgan","accountDisplayName":"Morgan Avery"}}]';
    const followers = await app.folder({
      'data/account.js': account,
      'data/follower.js':
        'window.YTD.follower.part0 = [{"follower":{"accountId":"42","userLink":"https://twitter.com/intent/user?user_id=42"}}]',
    });
    await importPaths(app.ctx, [followers]);
    expect((await listPeople(app.ctx)).people.map((p) => p.name)).toEqual(['Twitter account 42']);
    const tweets = await app.folder({
      'data/account.js': account,
      'data/tweets.js':
        'window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","created_at":"Sat Nov 21 13:02:35 +0000 2026","full_text":"@ada_l see you soon","in_reply_to_user_id_str":"42","in_reply_to_screen_name":"ada_l","entities":{"user_mentions":[{"id_str":"42","screen_name":"ada_l","name":"Ada L"}]}}}]',
    });
    await importPaths(app.ctx, [tweets]);
    const { people } = await listPeople(app.ctx);
    expect(people.map((p) => p.name)).toEqual(['Ada L']);
    expect((await showPerson(app.ctx, 'Ada L')).identities[0]).toMatchObject({
      network: 'twitter',
      key: '42',
      handle: 'ada_l',
    });
  });
});
