import { describe, expect, it } from 'vitest';
import { DAY_MS } from './duration.js';
import {
  type Commenter,
  conversationCandidates,
  type FirstTouch,
  type FunnelPerson,
  firstLiveAt,
  funnelBy,
  funnelOf,
  hadOneToOne,
  monthOf,
  offlineRatioByMonth,
  personRungs,
  sourceNetworkOf,
} from './funnel.js';
import type { Network } from './types.js';

const T0 = Date.UTC(2026, 0, 1);
const NOW = Date.UTC(2026, 11, 1);
const day = (n: number) => T0 + n * DAY_MS;

/** A first touch, with the network it came on (LinkedIn unless said). */
type NetworkedTouch = FirstTouch & { network: Network };

function touch(
  channel: FirstTouch['channel'],
  atDay: number,
  extra: Partial<NetworkedTouch> = {},
): NetworkedTouch {
  return { channel, network: 'linkedin', audience: 'one_to_one', at: day(atDay), ...extra };
}

/** A person from their first touches; the networks of the very first touch are derived from them. */
function person(
  id: string,
  f: Partial<Omit<FunnelPerson<string>, 'firsts'>> & { firsts?: NetworkedTouch[] } = {},
): FunnelPerson<string> {
  const touches = f.firsts ?? [];
  const first = Math.min(...touches.map((t) => t.at));
  return {
    id,
    connectedAt: null,
    firstDealAt: null,
    identityNetworks: ['linkedin'],
    ...f,
    firsts: touches.map(({ network: _, ...t }) => t),
    firstTouchNetworks: touches.filter((t) => t.at === first).map((t) => ({ network: t.network, at: t.at })),
  };
}

describe('personRungs', () => {
  it('climbs rung by rung with each first time', () => {
    const p = personRungs(
      person('a', {
        connectedAt: day(0),
        firsts: [touch('message', 10), touch('reaction', 3), touch('email', 20), touch('call', 30)],
      }),
      NOW,
    );
    expect(p.furthest).toBe('live');
    expect(p.firstAt).toEqual({
      connected: day(0),
      engaged_online: day(3),
      emailed: day(20),
      live: day(30),
      met: null,
      deal: null,
    });
    expect(p.reachedAt).toEqual(p.firstAt);
    expect(p.cohort).toBe('2026-01');
  });

  it('a deeper rung reached first implies the shallower ones at its time, and times never go back down', () => {
    // Met for coffee on day 10, emailed only on day 20, never messaged.
    const p = personRungs(person('b', { firsts: [touch('email', 20), touch('in_person', 10)] }), NOW);
    expect(p.furthest).toBe('met');
    expect(p.firstAt).toMatchObject({
      connected: day(10),
      engaged_online: null,
      emailed: day(20),
      met: day(10),
    });
    expect(p.reachedAt).toEqual({
      connected: day(10),
      engaged_online: day(10),
      emailed: day(10),
      live: day(10),
      met: day(10),
      deal: null,
    });
  });

  it('a deal with no touches puts the person on every rung at the day it opened', () => {
    const p = personRungs(person('c', { firstDealAt: day(40) }), NOW);
    expect(p.furthest).toBe('deal');
    expect(Object.values(p.reachedAt)).toEqual(Array(6).fill(day(40)));
  });

  it('broadcasts and one-to-many touches connect but engage no one; group messages engage', () => {
    const onlyPublic = personRungs(
      person('d', {
        firsts: [touch('broadcast', 5), touch('message', 6, { audience: 'one_to_many' })],
      }),
      NOW,
    );
    expect(onlyPublic.furthest).toBe('connected');
    expect(onlyPublic.reachedAt.connected).toBe(day(5));
    const group = personRungs(person('e', { firsts: [touch('message', 7, { audience: 'group' })] }), NOW);
    expect(group.furthest).toBe('engaged_online');
  });

  it('ignores what lies after now, and knows nothing of a person with no touch, date or deal', () => {
    const future = personRungs(
      person('f', { connectedAt: day(1), firsts: [touch('video', 400)], firstDealAt: day(500) }),
      day(100),
    );
    expect(future.furthest).toBe('connected');
    const nothing = personRungs(person('g'), NOW);
    expect(nothing).toMatchObject({ furthest: null, cohort: null });
    expect(Object.values(nothing.reachedAt).every((at) => at === null)).toBe(true);
  });
});

describe('sourceNetworkOf', () => {
  it('is the network of the earliest touch', () => {
    const p = person('a', {
      firsts: [touch('email', 9, { network: 'email' }), touch('message', 4, { network: 'twitter' })],
      identityNetworks: ['email', 'twitter'],
    });
    expect(sourceNetworkOf(p, NOW)).toBe('twitter');
  });

  it('is the connection network when the connection date comes before every touch', () => {
    const firsts = [touch('email', 9, { network: 'email' })];
    const identityNetworks = ['email', 'facebook', 'linkedin'] as const;
    expect(sourceNetworkOf(person('a', { connectedAt: day(2), firsts, identityNetworks }), NOW)).toBe(
      'facebook',
    );
    expect(sourceNetworkOf(person('a', { connectedAt: day(12), firsts, identityNetworks }), NOW)).toBe(
      'email',
    );
    expect(sourceNetworkOf(person('a', { connectedAt: day(2), identityNetworks }), NOW)).toBe('facebook');
  });

  it('falls back to the first identity, and breaks ties by the order of networks', () => {
    expect(sourceNetworkOf(person('a', { identityNetworks: ['whatsapp', 'email'] }), NOW)).toBe('whatsapp');
    expect(sourceNetworkOf(person('a', { identityNetworks: [] }), NOW)).toBeNull();
    const tie = [touch('message', 3, { network: 'whatsapp' }), touch('message', 3, { network: 'twitter' })];
    expect(sourceNetworkOf(person('a', { firsts: tie }), NOW)).toBe('twitter');
  });
});

describe('funnelOf', () => {
  // Hand-computed book:
  //   A connected d0, engaged d10, emailed d20              → furthest emailed
  //   B engaged d4 by a Twitter reply (so connected d4)    → engaged online
  //   C connected d5                                        → connected
  //   D connected d0, met d30, emailed later (d40)          → met; emailed/live count as reached on d30
  //   E nothing known                                       → not on the ladder
  const book = [
    person('A', { connectedAt: day(0), firsts: [touch('message', 10), touch('email', 20)] }),
    person('B', { firsts: [touch('comment', 4, { network: 'twitter' })], identityNetworks: ['twitter'] }),
    person('C', { connectedAt: day(5) }),
    person('D', { connectedAt: day(0), firsts: [touch('in_person', 30), touch('email', 40)] }),
    person('E', { identityNetworks: [] }),
  ].map((p) => personRungs(p, NOW));

  it('counts who reached and who stopped at each rung', () => {
    const funnel = funnelOf(book);
    expect(funnel.people).toBe(4);
    expect(funnel.rungs).toEqual([
      { rung: 'connected', reached: 4, furthest: 1 },
      { rung: 'engaged_online', reached: 3, furthest: 1 },
      { rung: 'emailed', reached: 2, furthest: 1 },
      { rung: 'live', reached: 1, furthest: 0 },
      { rung: 'met', reached: 1, furthest: 1 },
      { rung: 'deal', reached: 0, furthest: 0 },
    ]);
  });

  it('converts between consecutive rungs with the counts and the median days', () => {
    expect(funnelOf(book).steps).toEqual([
      // A 10 days, B 0, D 30 → median 10.
      { from: 'connected', to: 'engaged_online', started: 4, converted: 3, rate: 0.75, medianDays: 10 },
      // A 10 days, D 0 → median 5.
      { from: 'engaged_online', to: 'emailed', started: 3, converted: 2, rate: 2 / 3, medianDays: 5 },
      { from: 'emailed', to: 'live', started: 2, converted: 1, rate: 0.5, medianDays: 0 },
      { from: 'live', to: 'met', started: 1, converted: 1, rate: 1, medianDays: 0 },
      { from: 'met', to: 'deal', started: 1, converted: 0, rate: 0, medianDays: null },
    ]);
  });

  it('an empty book has no rates and no medians', () => {
    const funnel = funnelOf([]);
    expect(funnel.people).toBe(0);
    expect(funnel.rungs.every((r) => r.reached === 0 && r.furthest === 0)).toBe(true);
    expect(funnel.steps.every((s) => s.rate === null && s.medianDays === null && s.started === 0)).toBe(true);
  });

  it('groups by source network, largest first, and by month cohort, oldest first', () => {
    const people = [
      ...book,
      personRungs(person('F', { firsts: [touch('message', 40, { network: 'email' })] }), NOW),
    ];
    const byNetwork = funnelBy(people, 'network');
    expect(byNetwork.map((g) => [g.key, g.funnel.people])).toEqual([
      ['linkedin', 3],
      ['email', 1],
      ['twitter', 1],
    ]);
    const byMonth = funnelBy(people, 'month');
    expect(byMonth.map((g) => [g.key, g.funnel.people])).toEqual([
      ['2026-01', 4],
      ['2026-02', 1],
    ]);
    expect(byMonth[1]!.funnel.steps[0]).toMatchObject({ started: 1, converted: 1, rate: 1 });
  });
});

describe('offlineRatioByMonth', () => {
  const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;

  it('counts tier A and B over one-to-one and group touches per UTC month, broadcasts left out', () => {
    const months = offlineRatioByMonth([
      { day: dayOf(2026, 1, 15), channel: 'message', audience: 'one_to_one', count: 6 },
      { day: dayOf(2026, 1, 31), channel: 'email', audience: 'one_to_one', count: 2 },
      { day: dayOf(2026, 1, 2), channel: 'call', audience: 'group', count: 1 },
      { day: dayOf(2026, 1, 3), channel: 'broadcast', audience: 'one_to_many', count: 5 },
      { day: dayOf(2026, 1, 3), channel: 'comment', audience: 'one_to_many', count: 3 },
      { day: dayOf(2026, 2, 1), channel: 'reaction', audience: 'group', count: 4 },
      { day: dayOf(2026, 3, 1), channel: 'broadcast', audience: 'one_to_many', count: 2 },
    ]);
    expect(months).toEqual([
      { month: '2026-01', offline: 3, touches: 9, ratio: 3 / 9 },
      { month: '2026-02', offline: 0, touches: 4, ratio: 0 },
    ]);
  });

  it('is empty for an empty book', () => {
    expect(offlineRatioByMonth([])).toEqual([]);
  });
});

describe('conversation candidates', () => {
  const commenter = (id: string, comments: number, lastDay: number, firsts: FirstTouch[] = []) =>
    ({ id, comments, lastCommentAt: day(lastDay), firsts }) satisfies Commenter<string>;

  it('ranks public commenters who never talked one to one by comments, then the most recent', () => {
    const ranked = conversationCandidates(
      [
        commenter('X', 5, 10),
        commenter('Y', 5, 20),
        commenter('Z', 9, 30, [touch('email', 1)]),
        commenter('W', 2, 40, [touch('message', 1, { audience: 'group' }), touch('reaction', 2)]),
        commenter('V', 0, 50),
      ],
      20,
    );
    expect(ranked).toEqual([
      { id: 'Y', comments: 5, lastCommentAt: day(20) },
      { id: 'X', comments: 5, lastCommentAt: day(10) },
      { id: 'W', comments: 2, lastCommentAt: day(40) },
    ]);
    expect(
      conversationCandidates([commenter('X', 5, 10), commenter('Y', 5, 20)], 1).map((c) => c.id),
    ).toEqual(['Y']);
  });

  it('any one-to-one message, email, call, video call or meeting counts as having talked', () => {
    for (const channel of ['message', 'email', 'call', 'video', 'in_person'] as const)
      expect(hadOneToOne([touch(channel, 1)])).toBe(true);
    expect(
      hadOneToOne([touch('comment', 1), touch('reaction', 1), touch('email', 1, { audience: 'group' })]),
    ).toBe(false);
  });
});

describe('firstLiveAt', () => {
  it('is the earliest call, video call or meeting up to now', () => {
    const firsts = [touch('email', 1), touch('video', 9), touch('in_person', 5), touch('call', 400)];
    expect(firstLiveAt(firsts, NOW)).toBe(day(5));
    expect(firstLiveAt([touch('message', 1), touch('call', 400)], day(100))).toBeNull();
  });
});

describe('monthOf', () => {
  it('is the UTC month', () => {
    expect(monthOf(Date.UTC(2025, 11, 31, 23, 59))).toBe('2025-12');
    expect(monthOf(Date.UTC(2026, 0, 1, 0, 0))).toBe('2026-01');
  });
});
