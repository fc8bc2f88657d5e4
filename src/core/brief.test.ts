import { describe, expect, it } from 'vitest';
import { buildBrief, formatMoney, safeHttpUrl } from './brief.js';
import { BRIEF_NOW, briefInput } from './brief.test-support.js';
import { DAY_MS } from './duration.js';

const daysAgo = (days: number) => BRIEF_NOW - days * DAY_MS;

describe('buildBrief', () => {
  it('says how you know them: the connection, its network, and the touches since', () => {
    const brief = buildBrief(briefInput());
    expect(brief.howYouKnow).toBe('Connected on LinkedIn in March 2024; 12 messages since.');
    expect(buildBrief(briefInput({ channelCounts: { message: 34, video: 1 } })).howYouKnow).toBe(
      'Connected on LinkedIn in March 2024; 34 messages and 1 video call since.',
    );
  });

  it('does not name a network when several could have given the connection date', () => {
    const identities = [
      { network: 'linkedin', handle: null, profileUrl: null },
      { network: 'facebook', handle: 'ada', profileUrl: null },
    ];
    expect(buildBrief(briefInput({ identities })).howYouKnow).toBe(
      'Connected in March 2024; 12 messages since.',
    );
  });

  it('counts "in all" when touches came before the connection, and falls back to the first touch', () => {
    const before = briefInput({
      firstTouch: { at: Date.UTC(2023, 0, 5), channel: 'email', network: 'email', activity: null },
    });
    expect(buildBrief(before).howYouKnow).toBe('Connected on LinkedIn in March 2024; 12 messages in all.');
    const unconnected = briefInput({
      person: { ...before.person, connectedAt: null },
      firstTouch: { at: Date.UTC(2025, 5, 2), channel: 'message', network: 'whatsapp', activity: null },
      channelCounts: { message: 3, call: 1 },
    });
    expect(buildBrief(unconnected).howYouKnow).toBe(
      'First in touch by WhatsApp message in June 2025; 3 messages and 1 call since.',
    );
    const nothing = briefInput({
      person: { ...before.person, connectedAt: null },
      firstTouch: null,
      channelCounts: {},
    });
    expect(buildBrief(nothing).howYouKnow).toBe('No conversations recorded yet.');
  });

  it('says when you last really talked, with the kind and how long ago', () => {
    const coffee = briefInput({
      lastRealTouch: { at: daysAgo(21), channel: 'in_person', network: 'manual', activity: 'coffee' },
    });
    expect(buildBrief(coffee).lastTalked).toEqual({
      at: daysAgo(21),
      kind: 'coffee',
      text: 'Coffee, 3 weeks ago, on 8 Nov 2026.',
    });
    const video = briefInput({
      lastRealTouch: { at: daysAgo(200), channel: 'video', network: 'skype', activity: null },
    });
    expect(buildBrief(video).lastTalked.text).toBe('Video call, 7 months ago, on 13 May 2026.');
    expect(buildBrief(briefInput()).lastTalked).toEqual({
      at: null,
      kind: null,
      text: 'Never off the platform; last touch 7 days ago, on 22 Nov 2026.',
    });
  });

  it('carries strength, flags, reason and the next step from the evaluation', () => {
    const input = briefInput();
    const { relationship } = buildBrief(input);
    expect(relationship.strength).toBe(Math.round(input.evaluation.score.strength));
    expect(relationship.flags).toEqual(['stuck']);
    expect(relationship.reason).toBe(input.evaluation.reason);
    expect(relationship.nextStep).toMatch(/^(email|call|video call|coffee)(, \d+ min)? — /);
  });

  it('lists topics from the snippets without the names of either side', () => {
    const brief = buildBrief(
      briefInput({
        snippets: [
          { at: daysAgo(1), text: 'Ada here: Kubernetes pilot, Morgan? Kubernetes!' },
          { at: daysAgo(3), text: 'Pilot budget for Q3' },
        ],
      }),
    );
    expect(brief.topics.slice(0, 2)).toEqual(['Kubernetes', 'pilot']);
    expect(brief.topics).not.toContain('Ada');
    expect(brief.topics).not.toContain('Morgan');
  });

  it('ranks people you both know by shared conversations, then colleagues, at most 8', () => {
    const sharedContacts = [
      { id: 2, name: 'Grace Hopper', company: 'Navy Labs', shared: 5, lastSharedAt: daysAgo(14) },
      { id: 3, name: 'Alan Turing', company: 'analytical engines ', shared: 1, lastSharedAt: daysAgo(1) },
    ];
    const colleagues = Array.from({ length: 9 }, (_, i) => ({
      id: 10 + i,
      name: `Colleague ${i}`,
      company: 'Analytical Engines',
    }));
    const brief = buildBrief(briefInput({ sharedContacts, colleagues: [colleagues[0]!, ...colleagues] }));
    expect(brief.mutual).toHaveLength(8);
    expect(brief.mutual.slice(0, 3)).toEqual([
      {
        id: 2,
        name: 'Grace Hopper',
        company: 'Navy Labs',
        shared: 5,
        sameCompany: false,
        why: '5 group conversations, last 2 weeks ago',
      },
      {
        id: 3,
        name: 'Alan Turing',
        company: 'analytical engines ',
        shared: 1,
        sameCompany: true,
        why: '1 group conversation, last 1 day ago; also at analytical engines',
      },
      {
        id: 10,
        name: 'Colleague 0',
        company: 'Analytical Engines',
        shared: 0,
        sameCompany: true,
        why: 'also at Analytical Engines',
      },
    ]);
    expect(brief.mutual.map((m) => m.id)).toEqual([2, 3, 10, 11, 12, 13, 14, 15]);
  });

  it('never lists the person among the people you both know', () => {
    const brief = buildBrief(
      briefInput({ colleagues: [{ id: 7, name: 'Ada Lovelace', company: 'Analytical Engines' }] }),
    );
    expect(brief.mutual).toEqual([]);
  });

  it('shows open deals with their value, open plans by time, and the last done plan', () => {
    const brief = buildBrief(
      briefInput({
        openDeals: [
          {
            id: 1,
            title: 'Pilot licence',
            stage: 'proposal',
            value: 12000,
            currency: 'EUR',
            openedAt: Date.UTC(2026, 9, 1),
          },
          {
            id: 2,
            title: 'Support',
            stage: 'lead',
            value: null,
            currency: null,
            openedAt: Date.UTC(2026, 10, 2),
          },
        ],
        plans: [
          {
            id: 1,
            kind: 'video',
            status: 'done',
            startsAt: Date.UTC(2026, 9, 20, 10),
            outcome: 'Agreed on a pilot',
            updatedAt: Date.UTC(2026, 9, 20, 11),
            interactionId: 40,
          },
          {
            id: 2,
            kind: 'coffee',
            status: 'scheduled',
            startsAt: Date.UTC(2026, 11, 1, 10),
            outcome: null,
            updatedAt: daysAgo(3),
            interactionId: null,
          },
          {
            id: 3,
            kind: 'email',
            status: 'suggested',
            startsAt: null,
            outcome: null,
            updatedAt: daysAgo(1),
            interactionId: null,
          },
          {
            id: 4,
            kind: 'call',
            status: 'done',
            startsAt: Date.UTC(2026, 5, 1, 10),
            outcome: null,
            updatedAt: Date.UTC(2026, 5, 1, 11),
            interactionId: 30,
          },
          {
            id: 5,
            kind: 'lunch',
            status: 'declined',
            startsAt: Date.UTC(2026, 10, 1, 12),
            outcome: null,
            updatedAt: daysAgo(20),
            interactionId: null,
          },
        ],
      }),
    );
    expect(brief.deals).toEqual([
      { id: 1, title: 'Pilot licence', stage: 'proposal', value: '€12,000', since: 'open since 1 Oct 2026' },
      { id: 2, title: 'Support', stage: 'lead', value: null, since: 'open since 2 Nov 2026' },
    ]);
    expect(brief.openPlans.map((p) => [p.kind, p.when])).toEqual([
      ['coffee', 'scheduled for Tue, 1 Dec 2026, 10:00'],
      ['email', 'suggested'],
    ]);
    expect(brief.lastDonePlan).toMatchObject({
      kind: 'video call',
      when: 'done on 20 Oct 2026',
      outcome: 'Agreed on a pilot',
    });
  });

  it('shows plan times in the chosen time zone', () => {
    const brief = buildBrief(
      briefInput({
        timeZone: 'Europe/Berlin',
        plans: [
          {
            id: 2,
            kind: 'coffee',
            status: 'proposed',
            startsAt: Date.UTC(2026, 11, 1, 9),
            outcome: null,
            updatedAt: daysAgo(3),
            interactionId: null,
          },
        ],
      }),
    );
    expect(brief.openPlans[0]?.when).toBe('proposed for Tue, 1 Dec 2026, 10:00');
    expect(() => buildBrief(briefInput({ timeZone: 'Mars/Olympus' }))).toThrow(
      /Unknown time zone "Mars\/Olympus"/,
    );
  });

  it('keeps the three newest notes and plan outcomes, an outcome that repeats its note once', () => {
    const brief = buildBrief(
      briefInput({
        notes: [
          {
            interactionId: 40,
            at: daysAgo(10),
            channel: 'video',
            activity: 'video',
            text: 'Agreed on a pilot',
          },
          { interactionId: 30, at: daysAgo(100), channel: 'call', activity: 'call', text: 'Intro call' },
          {
            interactionId: 20,
            at: daysAgo(300),
            channel: 'in_person',
            activity: 'lunch',
            text: 'Met at the fair',
          },
          { interactionId: 50, at: daysAgo(2), channel: 'email', activity: null, text: '  ' },
        ],
        plans: [
          {
            id: 1,
            kind: 'video',
            status: 'done',
            startsAt: daysAgo(10),
            outcome: 'Agreed on a pilot',
            updatedAt: daysAgo(10),
            interactionId: 40,
          },
          {
            id: 2,
            kind: 'coffee',
            status: 'no_show',
            startsAt: daysAgo(50),
            outcome: 'They did not come',
            updatedAt: daysAgo(50),
            interactionId: null,
          },
        ],
      }),
    );
    expect(brief.notes).toEqual([
      { at: daysAgo(10), date: '19 Nov 2026', label: 'video call', text: 'Agreed on a pilot' },
      { at: daysAgo(50), date: '10 Oct 2026', label: 'outcome of the coffee', text: 'They did not come' },
      { at: daysAgo(100), date: '21 Aug 2026', label: 'call', text: 'Intro call' },
    ]);
  });

  it('links only http(s) profile URLs', () => {
    const brief = buildBrief(
      briefInput({
        identities: [
          { network: 'linkedin', handle: null, profileUrl: 'https://www.linkedin.com/in/ada' },
          { network: 'twitter', handle: 'ada', profileUrl: 'javascript:alert(1)' },
          { network: 'email', handle: 'ada@example.com', profileUrl: null },
        ],
      }),
    );
    expect(brief.profiles).toEqual([
      {
        network: 'LinkedIn',
        text: 'linkedin.com/in/ada',
        url: 'https://www.linkedin.com/in/ada',
      },
      { network: 'Twitter', text: 'ada', url: null },
      { network: 'email', text: 'ada@example.com', url: null },
    ]);
  });
});

describe('safeHttpUrl', () => {
  it('accepts http and https only', () => {
    expect(safeHttpUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '//evil.example',
      'nope',
      '',
      null,
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
});

describe('formatMoney', () => {
  it('formats known currencies and keeps unknown codes', () => {
    expect(formatMoney(12000, 'EUR')).toBe('€12,000');
    expect(formatMoney(99.5, 'USD')).toBe('US$99.50');
    expect(formatMoney(5000, 'ZZ')).toBe('5,000 ZZ');
    expect(formatMoney(5000, null)).toBe('5,000');
  });
});
