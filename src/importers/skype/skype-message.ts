import { str } from '../json-reader.js';
import { stableId } from '../stable-id.js';
import type { IdentityRef, ImportRecord } from '../types.js';
import { messageText, parseCall } from './skype-content.js';
import { isBot, isGroupThread, skypeIdentity } from './skype-people.js';

/** What is known of the conversation a message belongs to. */
export interface SkypeConversation {
  id: string;
  displayName: string | undefined;
  /** Group members from threadProperties.members, when the export lists them. */
  members: string[];
  /** People seen sending in this conversation, by key (group messages the owner sends go to them). */
  senders: Map<string, IdentityRef>;
}

const NOT = 'not a conversation:';
/** Message types that are chat text (RichText/UriObject, RichText/Media_Video… are shared media). */
const TEXT = /^(?:Text|RichText(?:\/.*)?|EndToEndEncryption\/EncryptedText)$/;

/** Earliest and latest times believed (Skype started in 2003). */
const EARLIEST = Date.UTC(2003, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * One MessageList item as a record. RichText and its media variants are `message`s (markup
 * reduced to plain text); an ended Event/Call with a duration is a `call` ('mutual': both
 * spoke), a call start, a missed call and thread activity are rejected as "not a conversation:".
 * The owner (userId) sending makes it 'out' to the other person, or to the group's members.
 */
export function skypeRecord(
  msg: Record<string, unknown>,
  conv: SkypeConversation,
  ownerKey: string | undefined,
  file: string,
): ImportRecord {
  const id = str(msg.id) ?? '';
  const where = `message ${JSON.stringify(id.slice(0, 40))} in ${JSON.stringify(conv.id.slice(0, 80))}`;
  const reject = (reason: string): ImportRecord => ({
    type: 'rejected',
    file,
    reason: `${reason} (${where})`,
  });
  const type = str(msg.messagetype) ?? '';
  const content = str(msg.content) ?? '';
  const from = str(msg.from) ?? '';
  const isCall = type === 'Event/Call';
  if (!isCall && !TEXT.test(type)) return reject(`${NOT} Skype ${type || 'event without a type'}`);
  if (isBot(from)) return reject(`${NOT} a bot`);
  const at = Date.parse(str(msg.originalarrivaltime) ?? '');
  if (!Number.isFinite(at) || at < EARLIEST || at >= LATEST) return reject('unreadable originalarrivaltime');
  let minutes: number | undefined;
  if (isCall) {
    const call = parseCall(content);
    if (call?.state === 'started') return reject(`${NOT} call start (the call counts when it ends)`);
    if (call === undefined || call.state === 'missed' || !call.seconds) return reject(`${NOT} missed call`);
    minutes = Math.ceil(call.seconds / 60);
  }
  const sender = skypeIdentity(from, str(msg.displayName));
  if (sender === undefined) return reject('no sender (from)');
  const mine = ownerKey !== undefined && sender.key === ownerKey;
  const group = isGroupThread(conv.id);
  let participants: IdentityRef[];
  if (!mine) {
    participants = [conv.senders.get(sender.key) ?? sender];
    if (group && !conv.senders.has(sender.key) && conv.senders.size < 1000)
      conv.senders.set(sender.key, sender);
  } else if (!group) {
    const other = skypeIdentity(conv.id, conv.displayName ?? undefined);
    participants = other === undefined || other.key === ownerKey ? [] : [other];
  } else {
    const members = conv.members.map((m) => skypeIdentity(m, undefined)).filter((m) => m !== undefined);
    participants = (members.length > 0 ? members : [...conv.senders.values()]).filter(
      (m) => m.key !== ownerKey,
    );
  }
  if (participants.length === 0) return reject(`${NOT} no one else known in this conversation`);
  const text = isCall ? undefined : messageText(content);
  return {
    type: 'interaction',
    file,
    externalId: stableId('skype', conv.id, id || `${str(msg.originalarrivaltime)}|${from}`),
    at,
    channel: isCall ? 'call' : 'message',
    network: 'skype',
    direction: isCall ? 'mutual' : mine ? 'out' : 'in',
    audience: group ? 'group' : 'one_to_one',
    length: isCall ? minutes : text?.words,
    threadId: `skype:${conv.id}`,
    snippet: text?.snippet || undefined,
    participants,
  };
}

/** Group members as MRIs from `threadProperties.members` (a JSON string in exports, or an array). */
export function threadMembers(threadProperties: unknown): string[] {
  const props = threadProperties as { members?: unknown } | null | undefined;
  let members = props?.members;
  if (typeof members === 'string') {
    try {
      members = JSON.parse(members);
    } catch {
      return [];
    }
  }
  return Array.isArray(members)
    ? members.filter((m): m is string => typeof m === 'string').slice(0, 1000)
    : [];
}
