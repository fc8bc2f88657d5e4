import type { BriefInput } from './brief.js';
import { DEFAULT_SCORE_CONFIG } from './config.js';
import { DAY_MS } from './duration.js';
import { evaluate } from './evaluate.js';
import { history, touch } from './test-arbitraries.js';

/** The moment brief tests are written at: Sunday 29 Nov 2026, 09:00 UTC. */
export const BRIEF_NOW = Date.UTC(2026, 10, 29, 9, 0);

const messages = Array.from({ length: 12 }, (_, i) =>
  touch(BRIEF_NOW, 40 - i * 3, 'message', { direction: i % 2 ? 'out' : 'in' }),
);

/** A plain brief input for a stuck-online LinkedIn contact, with `more` laid over it (test support only). */
export function briefInput(more: Partial<BriefInput> = {}): BriefInput {
  const connectedAt = Date.UTC(2024, 2, 14);
  return {
    now: BRIEF_NOW,
    timeZone: 'UTC',
    person: {
      id: 7,
      name: 'Ada Lovelace',
      title: 'CTO',
      company: 'Analytical Engines',
      location: 'London',
      relationshipType: 'prospect',
      connectedAt,
    },
    ownerNames: ['Morgan Avery'],
    identities: [
      { network: 'linkedin', handle: null, profileUrl: 'https://www.linkedin.com/in/ada-lovelace-1a2b' },
    ],
    evaluation: evaluate(history(messages, { connectedAt }), BRIEF_NOW, DEFAULT_SCORE_CONFIG),
    flags: ['stuck'],
    channelCounts: { message: 12 },
    firstTouch: { at: BRIEF_NOW - 40 * DAY_MS, channel: 'message', network: 'linkedin', activity: null },
    lastRealTouch: null,
    snippets: [
      { at: BRIEF_NOW - 2 * DAY_MS, text: 'How is the Kubernetes migration going before the Series-A?' },
      { at: BRIEF_NOW - 5 * DAY_MS, text: 'The Kubernetes pilot needs sign-off in Q3.' },
    ],
    sharedContacts: [],
    colleagues: [],
    openDeals: [],
    plans: [],
    notes: [],
    ...more,
  };
}

/** The only tags a rendered brief page may contain: the ones it writes itself. */
export const ALLOWED_TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'header',
  'h1',
  'h2',
  'p',
  'section',
  'ul',
  'li',
  'strong',
  'span',
  'a',
  'footer',
]);
