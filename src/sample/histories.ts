import type { LogKind } from '../core/types.js';
import { DAY, HOUR, toSeconds } from './dates.js';
import { CAFES, TOPICS } from './names.js';
import type { SamplePerson } from './people.js';
import type { Random } from './random.js';

/** A stretch of time a conversation's messages fall into; windows are listed newest first. */
export interface Window {
  from: number;
  /** The newest message of the window is exactly at `to`. */
  to: number;
  /** Fraction of the conversation's messages in this window. */
  share: number;
  /** Probability that a message is inbound (from the contact). */
  inProb: number;
  /** At least this many messages land here, budget permitting. */
  minCount: number;
}

/** The shape of a 1:1 conversation before the message budget sets its size. */
export interface Shape {
  base: number;
  /** Weight for the leftover budget; 0 keeps the conversation at `base` messages. */
  weight: number;
  windows: Window[];
  folder: 'INBOX' | 'ARCHIVE' | 'SPAM';
}

export interface LogDraft {
  kind: LogKind;
  at: number;
  minutes: number | null;
  note: string;
}

export interface History {
  connectedAt: number;
  shape: Shape | null;
  log: LogDraft[];
}

const LIVE_KINDS = { coffee: 3, lunch: 1.5, meeting: 1.5, video: 2.5, call: 1.5 } as const;
const MINUTES: Record<LogKind, [number, number] | null> = {
  coffee: [30, 75],
  lunch: [45, 90],
  meeting: [30, 90],
  video: [20, 50],
  call: [10, 35],
  email: null,
};

function logEntry(rng: Random, person: SamplePerson, kind: LogKind, at: number): LogDraft {
  const topic = rng.pick(TOPICS);
  const range = MINUTES[kind];
  const notes: Record<LogKind, string> = {
    coffee: `Coffee at ${rng.pick(CAFES)} in ${person.city}, talked about ${topic}`,
    lunch: `Lunch with ${person.firstName} in ${person.city}: ${topic}`,
    meeting: `Met at ${person.company || 'their office'} about ${topic}`,
    video: `Video call with ${person.firstName} on ${topic}`,
    call: `Phone call: ${topic}`,
    email: `Emailed ${person.firstName} a recap on ${topic}`,
  };
  return { kind, at: toSeconds(at), minutes: range ? rng.int(range[0], range[1]) : null, note: notes[kind] };
}

/** Days ago → a timestamp, skewing `u` so that older values are rarer when `skew` > 1. */
function ago(now: number, rng: Random, loDays: number, hiDays: number, skew = 1): number {
  return now - (loDays + (hiDays - loDays) * rng.next() ** skew) * DAY;
}

function window(from: number, to: number, inProb: number, minCount = 0, share = 1): Window {
  return { from: Math.min(from, to), to: toSeconds(to), share, inProb, minCount };
}

/**
 * Plans one connection's history relative to `now`:
 * - stuck_online: known 45–900 days, ≥ 8 DMs both ways in the last 85 days, no live touch in 180 days;
 * - met_often: DMs over the last year plus 3–8 diary entries (coffee, calls…), one within 45 days;
 * - dormant: a burst of DMs 200–1400 days ago, silent since; sometimes an old coffee;
 * - one_way: 1–4 outbound DMs, never answered; inbound_only: 1–3 recruiter or spam DMs, never answered;
 * - email_then_silent: a few old DMs (or none) then emails, silent for > 200 days;
 * - new_connection: connected in the last 25 days, a short hello; quiet: connected, never messaged.
 */
export function planHistory(person: SamplePerson, rng: Random, now: number): History {
  const log: LogDraft[] = [];
  const live = () => rng.weighted(LIVE_KINDS);
  let connectedAt: number;
  let shape: Shape | null = null;
  switch (person.persona) {
    case 'stuck_online': {
      connectedAt = ago(now, rng, 45, 900, 1.5);
      const knownDays = (now - connectedAt) / DAY;
      const last = now - rng.range(0.2, 12) * DAY;
      const recentFrom = Math.max(connectedAt + HOUR, now - 85 * DAY);
      const windows = [window(recentFrom, last, 0.45, 8, knownDays > 120 ? rng.range(0.55, 0.85) : 1)];
      if (knownDays > 120) windows.push(window(connectedAt + HOUR, now - 95 * DAY, 0.5, 0, 1));
      shape = { base: rng.int(8, 14), weight: rng.range(3, 9), windows, folder: 'INBOX' };
      // Some met once long ago: the next step is a follow-up rather than a first call.
      if (knownDays > 260 && rng.chance(0.25))
        log.push(logEntry(rng, person, live(), ago(now, rng, 220, knownDays - 5)));
      break;
    }
    case 'met_often': {
      connectedAt = ago(now, rng, 200, 2500, 1.3);
      const since = Math.min(365, (now - connectedAt) / DAY);
      const last = now - rng.range(0.5, 20) * DAY;
      const windows = [window(now - since * DAY, last, 0.5)];
      shape = { base: rng.int(4, 10), weight: rng.range(1, 5), windows, folder: 'INBOX' };
      log.push(logEntry(rng, person, live(), ago(now, rng, 2, 45)));
      const more = rng.int(2, 7);
      for (let i = 0; i < more; i++) log.push(logEntry(rng, person, live(), ago(now, rng, 2, since)));
      break;
    }
    case 'dormant': {
      connectedAt = ago(now, rng, 420, 3000);
      const knownDays = (now - connectedAt) / DAY;
      const end = rng.range(200, Math.min(1400, knownDays - 30));
      const span = rng.range(14, Math.min(240, knownDays - end));
      const from = now - (end + span) * DAY;
      const to = now - end * DAY;
      shape = {
        base: rng.int(6, 12),
        weight: rng.range(2, 6),
        windows: [window(from, to, 0.5)],
        folder: 'INBOX',
      };
      if (rng.chance(0.15)) shape.folder = 'ARCHIVE';
      if (rng.chance(0.35)) log.push(logEntry(rng, person, live(), rng.range(from, to)));
      break;
    }
    case 'one_way': {
      connectedAt = ago(now, rng, 30, 700);
      const knownDays = (now - connectedAt) / DAY;
      const last = now - rng.range(3, Math.min(200, knownDays - 1)) * DAY;
      shape = {
        base: rng.int(1, 4),
        weight: 0,
        windows: [window(connectedAt + HOUR, last, 0)],
        folder: 'INBOX',
      };
      break;
    }
    case 'inbound_only': {
      connectedAt = ago(now, rng, 10, 900);
      const knownDays = (now - connectedAt) / DAY;
      const last = now - rng.range(0.5, Math.min(300, knownDays)) * DAY;
      const folder = person.flavor === 'spammer' && rng.chance(0.3) ? 'SPAM' : 'INBOX';
      shape = { base: rng.int(1, 3), weight: 0, windows: [window(connectedAt, last, 1)], folder };
      break;
    }
    case 'email_then_silent': {
      connectedAt = ago(now, rng, 320, 1500);
      const dmEnd = rng.range(260, (now - connectedAt) / DAY - 40);
      if (rng.chance(0.5)) {
        const w = window(now - (dmEnd + 30) * DAY, now - dmEnd * DAY, 0.5);
        shape = { base: rng.int(1, 3), weight: 0, windows: [w], folder: 'INBOX' };
      }
      const emails = rng.int(1, 3);
      for (let i = 0; i < emails; i++)
        log.push(logEntry(rng, person, 'email', ago(now, rng, dmEnd - 60, dmEnd - 3)));
      break;
    }
    case 'new_connection': {
      connectedAt = ago(now, rng, 1, 25);
      const last = Math.min(now - HOUR, connectedAt + rng.range(1, 72) * HOUR);
      shape = {
        base: rng.int(1, 3),
        weight: 0,
        windows: [window(connectedAt + HOUR / 2, last, 0.5)],
        folder: 'INBOX',
      };
      break;
    }
    default:
      connectedAt = ago(now, rng, 1, 3650, 0.8);
  }
  log.sort((a, b) => a.at - b.at);
  return { connectedAt: toSeconds(connectedAt), shape, log };
}
