import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hexId } from './cast-identities.js';
import type { LifeContext, SourceFile } from './cast-types.js';
import { DAY } from './dates.js';
import { conversationTimes, daysAgo } from './life-dates.js';
import { chatLine } from './life-text.js';
import { Random } from './random.js';

const SALT = 0x4a09;

interface Party {
  gaia: string;
  name: string;
}

const who = (p: Party) => ({ gaia_id: p.gaia, chat_id: p.gaia });

/** Hangouts timestamps are microseconds, written as strings. */
const micros = (at: number) => `${at}000`;

function event(
  conv: string,
  me: Party,
  sender: Party,
  at: number,
  eventId: string,
  body: Record<string, unknown>,
) {
  return {
    conversation_id: { id: conv },
    sender_id: who(sender),
    timestamp: micros(at),
    self_event_state: { user_id: who(me), notification_level: 'RING' },
    event_id: eventId,
    advances_sort_timestamp: true,
    event_otr: 'ON_THE_RECORD',
    delivery_medium: { medium_type: 'BABEL_MEDIUM' },
    ...body,
  };
}

const chat = (text: string) => {
  const lines = text.split('\n');
  const segment = lines.flatMap((line, i) => [
    ...(i > 0 ? [{ type: 'LINE_BREAK', text: '\n' }] : []),
    { type: 'TEXT', text: line },
  ]);
  return { event_type: 'REGULAR_CHAT_MESSAGE', chat_message: { message_content: { segment } } };
};

const hangout = (kind: 'START_HANGOUT' | 'END_HANGOUT', parties: Party[], seconds?: number) => ({
  event_type: 'HANGOUT_EVENT',
  hangout_event: {
    event_type: kind,
    participant_id: parties.map(who),
    ...(seconds !== undefined && { hangout_duration_secs: String(seconds) }),
    media_type: 'AUDIO_VIDEO',
  },
});

function conversation(id: string, me: Party, others: Party[], events: unknown[]) {
  const everyone = [me, ...others];
  return {
    conversation: {
      conversation_id: { id },
      conversation: {
        id: { id },
        type: others.length > 1 ? 'GROUP' : 'STICKY_ONE_TO_ONE',
        self_conversation_state: {
          self_read_state: { participant_id: who(me), latest_read_timestamp: '0' },
          status: 'ACTIVE',
          notification_level: 'RING',
        },
        current_participant: everyone.map(who),
        participant_data: everyone.map((p) => ({
          id: who(p),
          fallback_name: p.name,
          invitation_status: 'ACCEPTED_INVITATION',
          participant_type: 'GAIA',
        })),
        ...(others.length > 1 && { name: 'Old team 🍕' }),
      },
    },
    events,
  };
}

/**
 * Writes a Google Takeout `Hangouts.json`: one-to-one chats from the Hangouts years (multi-line
 * messages as LINE_BREAK segments), a video hangout (start and end with its duration) in each,
 * and a group chat.
 */
export async function writeHangoutsExport(ctx: LifeContext): Promise<SourceFile> {
  const { cast, now, scale } = ctx;
  const rng = Random.fork(ctx.seed, SALT);
  const me: Party = { gaia: cast.owner.google, name: cast.owner.name };
  const people = cast.members
    .filter((m) => m.google !== undefined)
    .map((m): Party => ({ gaia: m.google!, name: m.person.name }));
  let seq = 0;
  const nextId = () => `7-H0Z7${hexId(ctx.seed, 0x4a0a0000 + seq++).toUpperCase()}`;
  const conversations = people.map((p, i) => {
    const id = `Ugz${hexId(ctx.seed, SALT + 1 + i, 3)}AaABAQ`;
    const count = Math.max(3, Math.round(rng.int(5, 14) * scale));
    const times = conversationTimes(rng, count, now - 3600 * DAY, daysAgo(rng, now, 2300, 3000)).reverse();
    const events = times.map((at) => {
      const sender = rng.chance(0.5) ? me : p;
      const text = rng.chance(0.1)
        ? 'Are you around?\nCall me when you can'
        : chatLine(rng, 'friend', p.name.split(' ')[0] ?? '');
      return event(id, me, sender, at, nextId(), chat(text));
    });
    const start = (times[times.length - 1] ?? now - 3000 * DAY) + DAY;
    const seconds = rng.int(300, 2400);
    events.push(event(id, me, me, start, nextId(), hangout('START_HANGOUT', [me, p])));
    events.push(
      event(id, me, me, start + seconds * 1000, nextId(), hangout('END_HANGOUT', [me, p], seconds)),
    );
    return conversation(id, me, [p], events);
  });
  if (people.length >= 2) {
    const id = `UgxGroup${hexId(ctx.seed, SALT, 2)}`;
    const members = people.slice(0, 3);
    const times = conversationTimes(
      rng,
      Math.max(3, Math.round(6 * scale)),
      now - 3300 * DAY,
      now - 2500 * DAY,
    );
    const events = times
      .reverse()
      .map((at) =>
        event(id, me, rng.pick([me, ...members]), at, nextId(), chat(chatLine(rng, 'friend', 'all'))),
      );
    conversations.push(conversation(id, me, members, events));
  }
  const records = conversations.reduce((sum, c) => sum + c.events.length, 0);
  const dir = join(ctx.dir, 'Takeout', 'Hangouts');
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'Hangouts.json');
  await writeFile(path, `${JSON.stringify({ conversations }, null, 2)}\n`);
  return { source: 'hangouts', path, records };
}
