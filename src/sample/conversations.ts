import { csvRow } from './csv-writer.js';
import { formatUtcSeconds, MINUTE, toSeconds } from './dates.js';
import type { Window } from './histories.js';
import { type HostileKind, messageText, subjectFor, type TextContext } from './message-text.js';
import { TOPICS } from './names.js';
import type { SamplePerson } from './people.js';
import { hash32, permute32, Random } from './random.js';

/** The owner as a message party. */
export interface Party {
  name: string;
  firstName: string;
  url: string;
}

export interface ConversationPlan {
  id: string;
  title: string;
  folder: string;
  style: TextContext['style'];
  /** One contact for a direct thread, two or more for a group. */
  contacts: SamplePerson[];
  windows: Window[];
  count: number;
  /** Salt of this conversation's own random stream, so it is generated only when written. */
  salt: number;
  hostile?: HostileKind | undefined;
}

export const MESSAGES_HEADER = [
  'CONVERSATION ID',
  'CONVERSATION TITLE',
  'FROM',
  'SENDER PROFILE URL',
  'TO',
  'RECIPIENT PROFILE URLS',
  'DATE',
  'SUBJECT',
  'CONTENT',
  'FOLDER',
] as const;

/** `2-` + base64 of `<uuid>_010`, the shape of LinkedIn's conversation ids; unique per `slot`. */
export function conversationId(seed: number, slot: number): string {
  const h = (i: number) => hash32(hash32(seed, slot), i).toString(16).padStart(8, '0');
  const a = permute32(slot, hash32(seed, 7)).toString(16).padStart(8, '0');
  const b = h(1);
  const c = h(2);
  const d = h(3);
  const uuid = `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[Number.parseInt(c[0] ?? '0', 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  return `2-${Buffer.from(`${uuid}_010`).toString('base64')}`;
}

/** Splits `count` over the windows: the newest gets at least its minimum, the rest follow the shares. */
export function splitCount(count: number, windows: readonly Window[]): number[] {
  const first = windows[0];
  if (!first) return [];
  if (windows.length === 1) return [count];
  const head = Math.min(count, Math.max(first.minCount, Math.round(count * first.share)));
  return [head, count - head, ...windows.slice(2).map(() => 0)];
}

/** Appends one window's times (newest first) and senders (−1: owner, else contact index). */
function fillWindow(
  rng: Random,
  count: number,
  w: Window,
  members: number,
  times: number[],
  senders: number[],
) {
  if (count <= 0) return;
  const start = times.length;
  // One-sided threads are follow-ups days apart; two-sided ones come in bursts of replies.
  const perSession = w.inProb === 0 || w.inProb === 1 ? 1 : rng.range(2, 5);
  const sessions = Math.max(1, Math.round(count / perSession));
  const pBreak = count > 1 ? (sessions - 1) / (count - 1) : 0;
  const span = Math.max(0, w.to - w.from);
  const sessionGap = span / sessions;
  const pick = () => (rng.chance(w.inProb) ? rng.int(0, members - 1) : -1);
  let offset = 0;
  let sender = pick();
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      if (rng.chance(pBreak)) {
        offset += sessionGap * rng.range(0.3, 1.7);
        sender = pick();
      } else {
        offset += rng.range(1, 90) * MINUTE;
        // Within a session people take turns most of the time.
        if (rng.chance(0.6))
          sender = sender === -1 ? (w.inProb > 0 ? rng.int(0, members - 1) : -1) : w.inProb < 1 ? -1 : sender;
      }
    }
    times.push(offset);
    senders.push(sender);
  }
  // Squeeze overlong threads into the window, stopping short of its start so no thread begins on the boundary.
  const scale = offset > span ? (span * rng.range(0.75, 0.98)) / offset : 1;
  for (let i = start; i < times.length; i++) times[i] = toSeconds(w.to - (times[i] as number) * scale);
}

/** Makes sure the first `n` senders include at least `minIn` inbound and `minOut` outbound messages. */
function balance(senders: number[], n: number, minIn: number, minOut: number): void {
  let inbound = 0;
  for (let i = 0; i < n; i++) if ((senders[i] as number) >= 0) inbound++;
  for (let i = n - 1; i >= 0 && inbound < minIn && n - inbound > minOut; i--) {
    if (senders[i] === -1) {
      senders[i] = 0;
      inbound++;
    }
  }
  for (let i = n - 1; i >= 0 && n - inbound < minOut && inbound > minIn; i--) {
    if ((senders[i] as number) >= 0) {
      senders[i] = -1;
      inbound--;
    }
  }
}

/** The CSV rows of one conversation, newest message first, as LinkedIn writes them. */
export function* conversationRows(plan: ConversationPlan, owner: Party, seed: number): Generator<string> {
  const rng = Random.fork(seed, plan.salt);
  const times: number[] = [];
  const senders: number[] = [];
  const counts = splitCount(plan.count, plan.windows);
  plan.windows.forEach((w, i) => {
    fillWindow(rng, counts[i] ?? 0, w, plan.contacts.length, times, senders);
  });
  const first = plan.windows[0];
  if (first && first.minCount >= 5) balance(senders, counts[0] ?? 0, 3, 2);

  const contact = plan.contacts[0] as SamplePerson;
  const group = plan.contacts.length > 1;
  const ctx: TextContext = {
    style: plan.style,
    fromOwner: true,
    opening: false,
    them: group ? 'all' : contact.firstName,
    me: owner.firstName,
    company: contact.company,
    city: contact.city,
    topic: rng.pick(TOPICS),
  };
  const everyone: Party[] = [owner, ...plan.contacts];
  // Recipients per sender (index 0: the owner), joined once per conversation rather than per message.
  const recipients = everyone.map((from) => {
    const to = everyone.filter((p) => p !== from);
    return [to.map((p) => p.name).join(', '), to.map((p) => p.url).join(',')] as const;
  });
  for (let i = 0; i < times.length; i++) {
    const s = senders[i] as number;
    const from = everyone[s + 1] as Party;
    const [toNames, toUrls] = recipients[s + 1] as readonly [string, string];
    ctx.fromOwner = s === -1;
    ctx.opening = i === times.length - 1;
    const subject = ctx.opening ? subjectFor(rng, ctx) : '';
    const content = messageText(rng, ctx, ctx.opening ? plan.hostile : undefined);
    yield csvRow([
      plan.id,
      plan.title,
      from.name,
      from.url,
      toNames,
      toUrls,
      formatUtcSeconds(times[i] as number),
      subject,
      content,
      plan.folder,
    ]);
  }
}
