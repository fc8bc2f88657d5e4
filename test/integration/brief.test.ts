import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isRapportError } from '../../src/errors.js';
import { personBrief } from '../../src/services/brief.service.js';
import { importExport } from '../../src/services/import.service.js';
import { logInteraction } from '../../src/services/log.service.js';
import { showPerson } from '../../src/services/person.service.js';
import { type Contact, connectedOn, linkedinDate, type Message, OWNER } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestApp } from '../support/test-app.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const DAY = 86_400_000;

const contact = (first: string, last: string, company: string, daysAgo: number): Contact => ({
  first,
  last,
  slug: `${first}-${last}-1a2b`.toLowerCase(),
  company,
  position: 'Director',
  connectedOn: connectedOn(NOW, daysAgo),
});
const ada = contact('Ada', 'Lovelace', 'Analytical Engines', 400);
const grace = contact('Grace', 'Hopper', 'Navy Labs', 900);
const alan = contact('Alan', 'Turing', 'analytical engines', 300);
const linus = contact('Linus', 'Pauling', 'Caltech', 200);

const TOPICS = [
  'Morgan, how is the Kubernetes migration going?',
  'Ada here: the Kubernetes migration needs a security review before the Series-A.',
  'Security review booked for Q3, thanks!',
  'Great, the Kubernetes budget is approved.',
];
const adaThread: Message[] = TOPICS.map((content, i) => ({
  conversation: '2-ada',
  from: i % 2 ? ada : 'me',
  to: i % 2 ? 'me' : ada,
  date: linkedinDate(NOW, 10 - i * 2),
  content,
}));

/** Group rows the test builder cannot write: several recipients in TO and RECIPIENT PROFILE URLS. */
function appendGroupThread(dir: string): void {
  const url = (c: Contact) => `https://www.linkedin.com/in/${c.slug}`;
  const rows = [
    [
      '3-group',
      '',
      'Grace Hopper',
      url(grace),
      `${OWNER.first} ${OWNER.last}, Ada Lovelace`,
      `${OWNER.url} ${url(ada)}`,
      linkedinDate(NOW, 30),
      '',
      'Welcome both, meet each other',
      'INBOX',
    ],
    [
      '3-group',
      '',
      `${OWNER.first} ${OWNER.last}`,
      OWNER.url,
      'Grace Hopper, Ada Lovelace',
      `${url(grace)} ${url(ada)}`,
      linkedinDate(NOW, 14),
      '',
      'Thanks Grace',
      'INBOX',
    ],
  ];
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  appendFileSync(join(dir, 'messages.csv'), `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`);
}

describeEachDatabase('the meeting brief', (dialect) => {
  const app = useTestApp(dialect, NOW);

  async function importBook(): Promise<void> {
    const dir = app.linkedinExport({ contacts: [ada, grace, alan, linus], messages: adaThread });
    appendGroupThread(dir);
    await importExport(app.ctx, [dir]);
  }

  it('says how you know them, when you last talked, the topics, and who you both know', async () => {
    await importBook();
    await logInteraction(app.ctx, { person: 'Ada', kind: 'call', at: NOW - 60 * DAY, note: 'Intro call' });
    await logInteraction(app.ctx, {
      person: 'Ada',
      kind: 'coffee',
      at: NOW - 21 * DAY,
      minutes: 40,
      note: 'Pilot scope, wants a security review',
    });

    const brief = await personBrief(app.ctx, 'ada');
    const shown = await showPerson(app.ctx, 'ada');
    expect(brief.person).toMatchObject({ id: shown.id, name: 'Ada Lovelace', company: 'Analytical Engines' });
    // Connected 400 days before 29 Nov 2026; 4 one-to-one and 2 group messages, a coffee and a call.
    expect(brief.howYouKnow).toBe(
      'Connected on LinkedIn in October 2025; 6 messages, 1 in-person meeting and 1 call since.',
    );
    expect(brief.lastTalked).toEqual({
      at: NOW - 21 * DAY,
      kind: 'coffee',
      text: 'Coffee, 3 weeks ago, on 8 Nov 2026.',
    });
    expect(brief.relationship.strength).toBe(Math.round(shown.evaluation.score.strength));
    expect(brief.relationship.reason).toBe(shown.evaluation.reason);
    // The newer pair first; "Kubernetes" also came up on its own once.
    expect(brief.topics.slice(0, 2)).toEqual(['security review', 'Kubernetes migration']);
    expect(brief.topics).toEqual(expect.arrayContaining(['Kubernetes', 'Series-A', 'Q3', 'budget']));
    expect(brief.topics).not.toContain('Ada');
    expect(brief.topics).not.toContain('Morgan');
    expect(brief.mutual.map((m) => [m.name, m.why])).toEqual([
      ['Grace Hopper', '2 group conversations, last 2 weeks ago'],
      ['Alan Turing', 'also at analytical engines'],
    ]);
    expect(brief.notes.map((n) => [n.date, n.label, n.text])).toEqual([
      ['8 Nov 2026', 'coffee', 'Pilot scope, wants a security review'],
      ['30 Sep 2026', 'call', 'Intro call'],
    ]);
    expect(brief.profiles).toEqual([
      {
        network: 'LinkedIn',
        text: 'linkedin.com/in/ada-lovelace-1a2b',
        url: 'https://www.linkedin.com/in/ada-lovelace-1a2b',
      },
    ]);
  });

  it('reads open deals, open plans, the last done plan and its outcome', async () => {
    await importBook();
    const db = app.ctx.store.db;
    const adaId = (await showPerson(app.ctx, 'ada')).id;
    const deal = await db
      .insertInto('deals')
      .values({
        title: 'Pilot licence',
        stage: 'proposal',
        status: 'open',
        value: 12000,
        currency: 'EUR',
        opened_at: Date.UTC(2026, 9, 1),
        closed_at: null,
        note: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lost = await db
      .insertInto('deals')
      .values({
        title: 'Old deal',
        stage: 'lead',
        status: 'lost',
        value: null,
        currency: null,
        opened_at: Date.UTC(2025, 0, 1),
        closed_at: Date.UTC(2025, 1, 1),
        note: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('deal_people')
      .values([
        { deal_id: deal.id, person_id: adaId },
        { deal_id: lost.id, person_id: adaId },
      ])
      .execute();
    const plan = (kind: string, status: string, startsAt: number | null, outcome: string | null) => ({
      person_id: adaId,
      kind,
      status,
      minutes: 30,
      why: 'test',
      starts_at: startsAt,
      ends_at: null,
      time_zone: null,
      location: null,
      video_link: null,
      draft: null,
      invite_uid: `${kind}-${status}@test`,
      outcome,
      interaction_id: null,
      created_at: NOW - 90 * DAY,
      updated_at: startsAt ?? NOW,
    });
    await db
      .insertInto('plans')
      .values([
        plan('video', 'done', Date.UTC(2026, 9, 20, 10), 'Agreed on a pilot'),
        plan('call', 'done', Date.UTC(2026, 5, 2, 10), 'First call'),
        plan('coffee', 'scheduled', Date.UTC(2026, 11, 1, 10), null),
        plan('lunch', 'declined', Date.UTC(2026, 10, 20, 12), null),
      ])
      .execute();

    const brief = await personBrief(app.ctx, `#${adaId}`, { timeZone: 'UTC' });
    expect(brief.deals).toEqual([
      {
        id: deal.id,
        title: 'Pilot licence',
        stage: 'proposal',
        value: '€12,000',
        since: 'open since 1 Oct 2026',
      },
    ]);
    expect(brief.openPlans.map((p) => [p.kind, p.when])).toEqual([
      ['coffee', 'scheduled for Tue, 1 Dec 2026, 10:00'],
    ]);
    expect(brief.lastDonePlan).toMatchObject({
      kind: 'video call',
      when: 'done on 20 Oct 2026',
      outcome: 'Agreed on a pilot',
    });
    expect(brief.notes.map((n) => [n.label, n.text])).toEqual([
      ['outcome of the video call', 'Agreed on a pilot'],
      ['outcome of the call', 'First call'],
    ]);
  });

  it('briefs someone you know only from a connection list', async () => {
    await importBook();
    const brief = await personBrief(app.ctx, 'Linus');
    expect(brief.howYouKnow).toBe('Connected on LinkedIn in May 2026; no conversations since.');
    expect(brief.lastTalked.text).toBe('Never: no conversation yet.');
    expect(brief.topics).toEqual([]);
    expect(brief.mutual).toEqual([]);
    expect(brief.notes).toEqual([]);
  });

  it('says who is meant when the name is unknown or ambiguous', async () => {
    await importBook();
    const error = await personBrief(app.ctx, 'Nobody').catch((e: unknown) => e);
    expect(isRapportError(error) && error.code).toBe('person.not_found');
    const ambiguous = await personBrief(app.ctx, 'a').catch((e: unknown) => e);
    expect(isRapportError(ambiguous) && ambiguous.code).toBe('person.ambiguous');
    const zone = await personBrief(app.ctx, 'Ada', { timeZone: 'Nowhere/Land' }).catch((e: unknown) => e);
    expect(isRapportError(zone) && zone.code).toBe('input.invalid');
  });
});
