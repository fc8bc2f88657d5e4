/**
 * A small hand-built book for the funnel and deal insights, imported as a mapped CSV, with the
 * figures worked out by hand (every touch at 10:00 UTC, so day differences are whole).
 *
 *   Ada      LinkedIn message 01-10, email 01-20, video 02-09; deal "Pilot" 03-01, won 04-01
 *   Grace    Twitter comments 02-05 and 02-15, a like 03-01 — never one to one
 *   Alan     coffee 02-10, email 02-20; deal "Training" opened 03-15, still open
 *   Linus    LinkedIn message 03-03, Twitter comment 03-04; deal "Audit" 03-10, lost 03-30
 *   Barbara  Twitter comment 03-10 — never one to one
 */

export const SMALL_BOOK_MAPPING =
  'date=Date,person=Contact,email=Email,channel=Type,direction=Direction,network=Network';

export const SMALL_BOOK_CSV = `Date,Contact,Email,Type,Direction,Network
2026-01-10T10:00:00Z,Ada Lovelace,ada@example.com,message,in,linkedin
2026-01-20T10:00:00Z,Ada Lovelace,ada@example.com,email,out,email
2026-02-09T10:00:00Z,Ada Lovelace,ada@example.com,video,,
2026-02-05T10:00:00Z,Grace Hopper,grace@example.com,comment,in,twitter
2026-02-15T10:00:00Z,Grace Hopper,grace@example.com,comment,in,twitter
2026-03-01T10:00:00Z,Grace Hopper,grace@example.com,like,in,twitter
2026-02-10T10:00:00Z,Alan Turing,alan@example.com,coffee,,
2026-02-20T10:00:00Z,Alan Turing,alan@example.com,email,out,email
2026-03-03T10:00:00Z,Linus Pauling,linus@example.com,message,out,linkedin
2026-03-04T10:00:00Z,Linus Pauling,linus@example.com,comment,in,twitter
2026-03-10T10:00:00Z,Barbara Liskov,barbara@example.com,comment,in,twitter
`;

const at = (month: number, day: number) => Date.UTC(2026, month - 1, day, 10);

/** The deals, as opened and closed by hand. */
export const SMALL_BOOK_DEALS = [
  { title: 'Pilot', person: 'Ada Lovelace', openedAt: at(3, 1), close: { outcome: 'won', at: at(4, 1) } },
  { title: 'Audit', person: 'Linus Pauling', openedAt: at(3, 10), close: { outcome: 'lost', at: at(3, 30) } },
  { title: 'Training', person: 'Alan Turing', openedAt: at(3, 15), close: null },
] as const;

/**
 * Rungs reached (a deeper rung implies the shallower ones): everyone is connected and engaged
 * (Alan by his coffee); Ada, Alan and Linus reach emailed, live, met and deal (Linus by his deal
 * on 03-10, Ada's "met" by hers on 03-01). Grace and Barbara stop at engaged online.
 */
export const SMALL_BOOK_FUNNEL = {
  people: 5,
  rungs: [
    { rung: 'connected', reached: 5, furthest: 0 },
    { rung: 'engaged_online', reached: 5, furthest: 2 },
    { rung: 'emailed', reached: 3, furthest: 0 },
    { rung: 'live', reached: 3, furthest: 0 },
    { rung: 'met', reached: 3, furthest: 0 },
    { rung: 'deal', reached: 3, furthest: 3 },
  ],
  steps: [
    { from: 'connected', to: 'engaged_online', started: 5, converted: 5, rate: 1, medianDays: 0 },
    // Ada 10 days, Alan 0, Linus 7 → median 7.
    { from: 'engaged_online', to: 'emailed', started: 5, converted: 3, rate: 0.6, medianDays: 7 },
    // Ada 20, Alan 0, Linus 0.
    { from: 'emailed', to: 'live', started: 3, converted: 3, rate: 1, medianDays: 0 },
    // Ada 20 (02-09 → 03-01), Alan 0, Linus 0.
    { from: 'live', to: 'met', started: 3, converted: 3, rate: 1, medianDays: 0 },
    // Ada 0, Alan 33 (02-10 → 03-15), Linus 0.
    { from: 'met', to: 'deal', started: 3, converted: 3, rate: 1, medianDays: 0 },
  ],
};

/** Per UTC month: email, video and coffee over every touch. */
export const SMALL_BOOK_MONTHS = [
  { month: '2026-01', offline: 1, touches: 2, ratio: 0.5 },
  { month: '2026-02', offline: 3, touches: 5, ratio: 0.6 },
  { month: '2026-03', offline: 0, touches: 4, ratio: 0 },
];

/** Ada's won deal followed a video call; Linus's lost one had no live conversation. */
export const SMALL_BOOK_DEAL_INSIGHTS = {
  all: { closed: 2, won: 1, lost: 1, winRate: 0.5, medianCycleDays: 25.5 },
  withLive: { closed: 1, won: 1, lost: 0, winRate: 1, medianCycleDays: 31 },
  withoutLive: { closed: 1, won: 0, lost: 1, winRate: 0, medianCycleDays: 20 },
};
