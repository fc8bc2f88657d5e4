import { arr, obj, str } from '../json-reader.js';
import { plainText } from '../plain-text.js';
import { stableId } from '../stable-id.js';
import type { IdentityRef, ImportRecord } from '../types.js';

/** What is known of one Hangouts conversation: its participants by gaia id, and whether it is a group. */
export interface HangoutsConversation {
  id: string;
  group: boolean;
  people: Map<string, IdentityRef>;
  /** The owner as this conversation states it (self_read_state). */
  self: string | undefined;
}

const NOT = 'not a conversation:';
const EARLIEST = Date.UTC(2005, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** The gaia id inside `{gaia_id, chat_id}`. */
export function gaiaId(value: unknown): string | undefined {
  const id = obj(value);
  const gaia = str(id?.gaia_id) ?? str(id?.chat_id);
  return gaia === undefined || gaia === '' ? undefined : gaia;
}

/** A conversation's metadata (`conversation.conversation` in new dumps, `conversation` in old ones). */
export function readConversation(value: unknown): HangoutsConversation {
  const outer = obj(value);
  const inner = obj(outer?.conversation) ?? outer;
  const people = new Map<string, IdentityRef>();
  for (const p of arr(inner?.participant_data)) {
    const data = obj(p);
    const gaia = gaiaId(data?.id);
    if (gaia === undefined || people.size >= 1000) continue;
    people.set(gaia, {
      network: 'google',
      key: gaia,
      displayName: str(data?.fallback_name)?.trim() || undefined,
    });
  }
  const type = str(inner?.type);
  return {
    id: str(obj(inner?.id)?.id) ?? str(obj(outer?.conversation_id)?.id) ?? '',
    group: type === 'GROUP' || people.size > 2,
    people,
    self: gaiaId(obj(obj(inner?.self_conversation_state)?.self_read_state)?.participant_id),
  };
}

/** The text of a chat message's segments (TEXT and LINK; LINE_BREAK as a new line). */
function segmentsText(message: Record<string, unknown> | undefined): string {
  let text = '';
  for (const s of arr(obj(message?.message_content)?.segment)) {
    const segment = obj(s);
    if (str(segment?.type) === 'LINE_BREAK') text += '\n';
    else text += str(segment?.text) ?? '';
    if (text.length > 65536) break;
  }
  return text;
}

/**
 * One event as a record. Chat messages are `message`s (segments as plain text). An ended
 * hangout with a duration is `video` (`call` when it was audio only), 'mutual', with its
 * minutes; a hangout start, a hangout that never connected and membership or rename events
 * are rejected as "not a conversation:". The owner sending makes it 'out' to everyone else.
 */
export function hangoutsRecord(
  event: Record<string, unknown>,
  conv: HangoutsConversation,
  owner: string | undefined,
  file: string,
): ImportRecord {
  const eventId = str(event.event_id) ?? '';
  const reject = (reason: string): ImportRecord => ({
    type: 'rejected',
    file,
    reason: `${reason} (event ${JSON.stringify(eventId.slice(0, 40))} in ${JSON.stringify(conv.id.slice(0, 60))})`,
  });
  const micros = Number(str(event.timestamp) ?? event.timestamp);
  const at = Math.floor(micros / 1000);
  if (!Number.isFinite(at) || at < EARLIEST || at >= LATEST) return reject('unreadable timestamp');
  const sender = gaiaId(event.sender_id);
  if (sender === undefined) return reject('no sender (sender_id)');
  const chat = obj(event.chat_message);
  const hangout = obj(event.hangout_event);
  let minutes: number | undefined;
  let channel: 'message' | 'call' | 'video' = 'message';
  if (hangout !== undefined) {
    const kind = str(hangout.event_type);
    if (kind === 'START_HANGOUT') return reject(`${NOT} call start (the call counts when it ends)`);
    const seconds = Number(str(hangout.hangout_duration_secs) ?? hangout.hangout_duration_secs);
    if (kind !== 'END_HANGOUT' || !Number.isFinite(seconds) || seconds <= 0)
      return reject(`${NOT} missed call`);
    minutes = Math.ceil(seconds / 60);
    channel = str(hangout.media_type) === 'AUDIO_ONLY' ? 'call' : 'video';
  } else if (chat === undefined) {
    return reject(`${NOT} Hangouts ${str(event.event_type) ?? 'event'}`);
  }
  const mine = owner !== undefined && sender === owner;
  const others = [...conv.people.values()].filter((p) => p.key !== owner);
  const participants =
    mine || channel !== 'message'
      ? others
      : [conv.people.get(sender) ?? { network: 'google' as const, key: sender }];
  if (participants.length === 0) return reject(`${NOT} no one else in this conversation`);
  const text = chat === undefined ? undefined : plainText(segmentsText(chat));
  return {
    type: 'interaction',
    file,
    externalId:
      eventId !== '' ? stableId('hangouts', eventId) : stableId('hangouts', conv.id, String(micros), sender),
    at,
    channel,
    network: 'google',
    direction: channel !== 'message' ? 'mutual' : mine ? 'out' : 'in',
    audience: conv.group || participants.length > 1 ? 'group' : 'one_to_one',
    length: channel === 'message' ? text?.words : minutes,
    threadId: conv.id === '' ? undefined : `hangouts:${conv.id}`,
    snippet: text?.snippet || undefined,
    participants,
  };
}
