import { RapportError } from '../errors.js';
import { ago, plural } from './duration.js';
import { topKeywords } from './keywords.js';
import { channelLabel, channelNoun, networkLabel, stepLabel } from './ladder.js';
import { describeChannels } from './reason.js';
import { type Channel, type Evaluation, type Flag, NETWORKS, type Network } from './types.js';

/** The person the brief is about, as stored. */
export interface BriefPerson {
  id: number;
  name: string;
  title: string | null;
  company: string | null;
  location: string | null;
  relationshipType: string;
  connectedAt: number | null;
}

export interface BriefIdentity {
  network: string;
  handle: string | null;
  profileUrl: string | null;
}

/** One stored touch with the person: when, on what rung, and the hand-logged activity if any. */
export interface BriefTouch {
  at: number;
  channel: Channel;
  network: string;
  activity: string | null;
}

/** Someone who took part in the same group threads or meetings as the person. */
export interface SharedContact {
  id: number;
  name: string;
  company: string | null;
  /** How many group interactions both took part in. */
  shared: number;
  lastSharedAt: number;
}

export interface Colleague {
  id: number;
  name: string;
  company: string | null;
}

export interface BriefDealInput {
  id: number;
  title: string;
  stage: string;
  value: number | null;
  currency: string | null;
  openedAt: number;
}

export interface BriefPlanInput {
  id: number;
  kind: string;
  status: string;
  startsAt: number | null;
  outcome: string | null;
  updatedAt: number;
  interactionId: number | null;
}

/** A note written by hand when logging a conversation. */
export interface BriefNoteInput {
  interactionId: number;
  at: number;
  channel: Channel;
  activity: string | null;
  text: string;
}

/** Everything a brief is made from; plain values, read by the service. */
export interface BriefInput {
  now: number;
  /** IANA time zone dates and times are shown in. */
  timeZone: string;
  person: BriefPerson;
  /** The owner's names, never a topic. */
  ownerNames: readonly string[];
  identities: readonly BriefIdentity[];
  evaluation: Evaluation;
  flags: readonly Flag[];
  /** Relational touches ever (no broadcasts), by channel. */
  channelCounts: Partial<Record<Channel, number>>;
  firstTouch: BriefTouch | null;
  /** The latest tier A or B touch. */
  lastRealTouch: BriefTouch | null;
  /** Recent one-to-one texts with the person. */
  snippets: readonly { at: number; text: string }[];
  sharedContacts: readonly SharedContact[];
  colleagues: readonly Colleague[];
  openDeals: readonly BriefDealInput[];
  plans: readonly BriefPlanInput[];
  notes: readonly BriefNoteInput[];
}

export interface BriefProfile {
  /** "LinkedIn", "email". */
  network: string;
  /** What to show: the handle, else the URL. */
  text: string;
  /** An http(s) URL safe to link to, else null. */
  url: string | null;
}

export interface BriefMutual {
  id: number;
  name: string;
  company: string | null;
  shared: number;
  sameCompany: boolean;
  /** "3 group conversations, last 2 weeks ago; also at Acme". */
  why: string;
}

export interface BriefDeal {
  id: number;
  title: string;
  stage: string;
  /** "€12,000", or null when no value is known. */
  value: string | null;
  /** "open since 1 Oct 2026". */
  since: string;
}

export interface BriefPlan {
  id: number;
  /** "coffee", "video call". */
  kind: string;
  status: string;
  at: number | null;
  /** "scheduled for Tue, 1 Dec 2026, 10:00", "proposed", "done on 20 Oct 2026". */
  when: string;
  outcome: string | null;
}

export interface BriefNote {
  at: number;
  /** "8 Nov 2026". */
  date: string;
  /** "coffee", "outcome of the video call". */
  label: string;
  text: string;
}

/** One page to read before meeting someone. All texts are plain (unescaped) text. */
export interface Brief {
  generatedAt: number;
  timeZone: string;
  /** "28 Nov 2026". */
  date: string;
  person: {
    id: number;
    name: string;
    title: string | null;
    company: string | null;
    location: string | null;
    relationshipType: string;
  };
  profiles: BriefProfile[];
  /** "Connected on LinkedIn in March 2024; 34 messages and 1 video call since." */
  howYouKnow: string;
  lastTalked: { at: number | null; kind: string | null; text: string };
  relationship: { strength: number; flags: Flag[]; reason: string; nextStep: string };
  topics: string[];
  mutual: BriefMutual[];
  deals: BriefDeal[];
  openPlans: BriefPlan[];
  lastDonePlan: BriefPlan | null;
  notes: BriefNote[];
}

export const BRIEF_LIMITS = { topics: 8, mutual: 8, notes: 3 } as const;

const OPEN_PLAN_STATUSES: ReadonlySet<string> = new Set(['suggested', 'proposed', 'scheduled']);
/** Networks a connection date comes from (connection lists, friends, followers). */
const CONNECTION_NETWORKS: readonly Network[] = ['linkedin', 'facebook', 'instagram'];
const FLAG_WORDS: Record<Flag, string> = { stuck: 'stuck online', overdue: 'overdue', dormant: 'dormant' };

/** A flag in words: "stuck online"; never throws. */
export function flagLabel(flag: Flag): string {
  return FLAG_WORDS[flag];
}

function isNetwork(value: string): value is Network {
  return (NETWORKS as readonly string[]).includes(value);
}

function labelOfNetwork(network: string): string {
  return isNetwork(network) ? networkLabel(network) : network;
}

/** What a touch was, in words: the logged activity ("coffee", "video call"), else its channel. */
function activityLabel(activity: string | null, channel: Channel): string {
  if (activity === null) return channelLabel(channel);
  // Logged kinds that name a channel read better as the channel's label.
  return activity === 'video' ? channelLabel('video') : activity;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Dates and times in one zone, in the forms the brief uses. Intl gives only the numbers (month
 * abbreviations differ between ICU versions: "Sep" or "Sept"), the words are ours.
 */
function calendar(timeZone: string) {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    throw new RapportError(
      'input.invalid',
      `Unknown time zone "${timeZone}"; use an IANA name such as Europe/Berlin or UTC.`,
    );
  }
  const local = (at: number) => {
    const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of format.formatToParts(at)) p[part.type] = part.value;
    const month = MONTHS[Number(p.month) - 1] ?? '';
    return {
      year: p.year,
      day: p.day,
      weekday: p.weekday,
      hour: p.hour,
      minute: p.minute,
      month,
      mon: month.slice(0, 3),
    };
  };
  return {
    /** "8 Nov 2026" */
    day: (at: number) => {
      const d = local(at);
      return `${d.day} ${d.mon} ${d.year}`;
    },
    /** "Tue, 1 Dec 2026, 10:00" */
    dayTime: (at: number) => {
      const d = local(at);
      return `${d.weekday}, ${d.day} ${d.mon} ${d.year}, ${d.hour}:${d.minute}`;
    },
    /** "March 2024" */
    month: (at: number) => {
      const d = local(at);
      return `${d.month} ${d.year}`;
    },
  };
}

type Calendar = ReturnType<typeof calendar>;

/** An http(s) URL as written, or null for anything else (javascript:, data:, relative, broken). */
export function safeHttpUrl(text: string | null): string | null {
  if (!text) return null;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "linkedin.com/in/ada": a URL as people read it. */
function shortUrl(href: string): string {
  const url = new URL(href);
  return `${url.host.replace(/^www\./, '')}${url.pathname.replace(/\/$/, '')}`;
}

function profilesOf(identities: readonly BriefIdentity[]): BriefProfile[] {
  return identities.map((i) => {
    const url = safeHttpUrl(i.profileUrl);
    const text = i.handle ?? (url ? shortUrl(url) : (i.profileUrl ?? ''));
    return { network: labelOfNetwork(i.network), text, url };
  });
}

function howYouKnow(input: BriefInput, cal: Calendar): string {
  const counts = describeChannels(input.channelCounts);
  const { connectedAt } = input.person;
  const connectedOn = CONNECTION_NETWORKS.filter((n) => input.identities.some((i) => i.network === n));
  if (connectedAt !== null && connectedAt <= input.now) {
    // The store keeps one connection date per person; name its network only when just one could have given it.
    const where = connectedOn.length === 1 ? ` on ${networkLabel(connectedOn[0]!)}` : '';
    if (counts === 'no touches')
      return `Connected${where} in ${cal.month(connectedAt)}; no conversations since.`;
    const earlier = input.firstTouch !== null && input.firstTouch.at < connectedAt;
    return `Connected${where} in ${cal.month(connectedAt)}; ${counts} ${earlier ? 'in all' : 'since'}.`;
  }
  const first = input.firstTouch;
  if (first === null) return 'No conversations recorded yet.';
  const how =
    first.activity !== null
      ? activityLabel(first.activity, first.channel)
      : channelNoun(first.channel, 1, isNetwork(first.network) ? first.network : undefined);
  return `First in touch by ${how} in ${cal.month(first.at)}; ${counts} since.`;
}

function lastTalked(input: BriefInput, cal: Calendar): Brief['lastTalked'] {
  const last = input.lastRealTouch;
  if (last !== null) {
    const kind = activityLabel(last.activity, last.channel);
    return {
      at: last.at,
      kind,
      text: `${capitalize(kind)}, ${ago(last.at, input.now)}, on ${cal.day(last.at)}.`,
    };
  }
  const touchedAt = input.evaluation.lastTouchAt;
  const text =
    touchedAt === null
      ? 'Never: no conversation yet.'
      : `Never off the platform; last touch ${ago(touchedAt, input.now)}, on ${cal.day(touchedAt)}.`;
  return { at: null, kind: null, text };
}

function sharedWords(contact: SharedContact | undefined, now: number): string | null {
  if (!contact) return null;
  return `${plural(contact.shared, 'group conversation')}, last ${ago(contact.lastSharedAt, now)}`;
}

function mutualOf(input: BriefInput): BriefMutual[] {
  const company = input.person.company?.trim().toLowerCase() || null;
  const colleagueIds = new Set(input.colleagues.map((c) => c.id));
  const isColleague = (id: number, theirs: string | null) =>
    colleagueIds.has(id) || (company !== null && theirs?.trim().toLowerCase() === company);
  const shared = new Map(input.sharedContacts.map((c) => [c.id, c]));
  const people = new Map<number, Colleague>();
  for (const c of [...input.sharedContacts, ...input.colleagues]) {
    if (c.id !== input.person.id && !people.has(c.id)) people.set(c.id, c);
  }
  const mutual = [...people.values()].map((p) => {
    const sameCompany = isColleague(p.id, p.company);
    const why = [
      sharedWords(shared.get(p.id), input.now),
      sameCompany ? `also at ${(p.company ?? input.person.company ?? '').trim()}` : null,
    ].filter((w) => w !== null);
    return {
      id: p.id,
      name: p.name,
      company: p.company,
      shared: shared.get(p.id)?.shared ?? 0,
      sameCompany,
      why: why.join('; '),
    };
  });
  // Stable: people with as many shared conversations keep the order they were read in.
  mutual.sort((a, b) => b.shared - a.shared);
  return mutual.slice(0, BRIEF_LIMITS.mutual);
}

/** "€12,000"; the plain number and code when the currency is unknown to Intl; never throws. */
export function formatMoney(value: number, currency: string | null): string {
  if (currency) {
    try {
      return new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency,
        minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
        maximumFractionDigits: Number.isInteger(value) ? 0 : 2,
      }).format(value);
    } catch {
      return `${new Intl.NumberFormat('en-GB').format(value)} ${currency}`;
    }
  }
  return new Intl.NumberFormat('en-GB').format(value);
}

function planKind(kind: string): string {
  return kind === 'video' ? 'video call' : kind;
}

const planTime = (p: BriefPlanInput) => p.startsAt ?? p.updatedAt;

function planOf(plan: BriefPlanInput, cal: Calendar): BriefPlan {
  const status = plan.status.replace(/_/g, '-');
  let when = status;
  if (plan.status === 'done') when = `done on ${cal.day(planTime(plan))}`;
  else if (plan.startsAt !== null) when = `${status} for ${cal.dayTime(plan.startsAt)}`;
  return {
    id: plan.id,
    kind: planKind(plan.kind),
    status: plan.status,
    at: plan.startsAt,
    when,
    outcome: plan.outcome,
  };
}

function notesOf(input: BriefInput, cal: Calendar): BriefNote[] {
  const logged = input.notes.map((n) => ({
    at: n.at,
    label: activityLabel(n.activity, n.channel),
    text: n.text.trim(),
    interactionId: n.interactionId as number | null,
  }));
  const sameNote = (interactionId: number | null, text: string) =>
    logged.some((n) => n.interactionId !== null && n.interactionId === interactionId && n.text === text);
  // A done plan's outcome is often also the note of the conversation it recorded: show it once.
  const outcomes = input.plans
    .filter((p) => p.outcome?.trim() && !OPEN_PLAN_STATUSES.has(p.status))
    .map((p) => ({
      at: planTime(p),
      label: `outcome of the ${planKind(p.kind)}`,
      text: p.outcome!.trim(),
      interactionId: p.interactionId,
    }))
    .filter((o) => !sameNote(o.interactionId, o.text));
  return [...logged, ...outcomes]
    .filter((n) => n.text !== '')
    .sort((a, b) => b.at - a.at)
    .slice(0, BRIEF_LIMITS.notes)
    .map(({ at, label, text }) => ({ at, date: cal.day(at), label, text }));
}

function nextStepWords(evaluation: Evaluation): string {
  const step = evaluation.nextStep;
  return `${stepLabel(step.kind)}${step.minutes ? `, ${step.minutes} min` : ''} — ${step.why}`;
}

/**
 * The meeting brief for one person at `now`: how you know them, when you last really talked,
 * the relationship's strength, flags and reason, topics of recent one-to-one threads, people you
 * both know (top 8 by shared group conversations, then colleagues), open deals, open plans and the
 * last done one, and the latest notes (up to 3, newest first). Dates are shown in `timeZone`.
 * Throws input.invalid for an unknown time zone.
 */
export function buildBrief(input: BriefInput): Brief {
  const cal = calendar(input.timeZone);
  const { person, evaluation, now } = input;
  const done = input.plans
    .filter((p) => p.status === 'done')
    .sort((a, b) => planTime(b) - planTime(a) || b.id - a.id);
  return {
    generatedAt: now,
    timeZone: input.timeZone,
    date: cal.day(now),
    person: {
      id: person.id,
      name: person.name,
      title: person.title,
      company: person.company,
      location: person.location,
      relationshipType: person.relationshipType,
    },
    profiles: profilesOf(input.identities),
    howYouKnow: howYouKnow(input, cal),
    lastTalked: lastTalked(input, cal),
    relationship: {
      strength: Math.round(evaluation.score.strength),
      flags: [...input.flags],
      reason: evaluation.reason,
      nextStep: nextStepWords(evaluation),
    },
    topics: topKeywords(input.snippets, {
      now,
      max: BRIEF_LIMITS.topics,
      exclude: [person.name, ...input.ownerNames],
    }),
    mutual: mutualOf(input),
    deals: input.openDeals.map((d) => ({
      id: d.id,
      title: d.title,
      stage: d.stage,
      value: d.value === null ? null : formatMoney(d.value, d.currency),
      since: `open since ${cal.day(d.openedAt)}`,
    })),
    openPlans: input.plans
      .filter((p) => OPEN_PLAN_STATUSES.has(p.status))
      .sort((a, b) => (a.startsAt ?? Infinity) - (b.startsAt ?? Infinity) || a.id - b.id)
      .map((p) => planOf(p, cal)),
    lastDonePlan: done[0] ? planOf(done[0], cal) : null,
    notes: notesOf(input, cal),
  };
}
