import type { Channel, Network } from '../../core/types.js';
import { foldName } from '../identity-keys.js';
import { arr, obj, str } from '../json-reader.js';
import { fixMojibake } from '../mojibake.js';
import { plainText } from '../plain-text.js';
import { stableId } from '../stable-id.js';
import type { IdentityRef, ImportRecord, InteractionRecord } from '../types.js';
import { isDeletedAccount, type MessengerOwner } from './messenger-owner.js';

/** Instagram (and some Messenger) exports write reactions as messages of their own. */
const REACTION_TEXT = /^(liked a message|reacted .{1,40} to your message)\s*$/i;
/** Group membership events, not messages. */
const MEMBERSHIP = new Set(['subscribe', 'unsubscribe']);

/** A conversation as the messages of one page see it. */
export interface ThreadContext {
  file: string;
  network: Extract<Network, 'facebook' | 'instagram'>;
  threadId: string;
  group: boolean;
  owner: MessengerOwner;
  /** Everyone in it but the owner (deleted accounts left out). */
  others: IdentityRef[];
  /** The identity of someone in it, by the name the export shows. */
  refOf(name: string): IdentityRef | undefined;
  /** Messages of deleted accounts (or to one, in a one-to-one thread), counted, not imported. */
  deleted: number;
}

const fixed = (value: unknown): string | undefined => {
  const s = str(value);
  return s === undefined ? undefined : fixMojibake(s);
};

/** What tells two messages apart besides time and sender: the text, else the attachment's file name. */
function contentKey(m: Record<string, unknown>, content: string | undefined): string {
  if (content !== undefined) return content;
  for (const field of ['photos', 'videos', 'audio_files', 'files', 'gifs']) {
    const uri = str(obj(arr(m[field])[0])?.uri);
    if (uri) return uri.slice(uri.lastIndexOf('/') + 1);
  }
  return str(obj(m.sticker)?.uri) ?? str(obj(m.share)?.link) ?? str(m.type) ?? '';
}

/** A call's channel and minutes, or a missed call as the message it amounts to. */
function callOf(
  m: Record<string, unknown>,
  content: string | undefined,
): { channel: Channel; minutes: number | null } {
  const seconds = typeof m.call_duration === 'number' ? m.call_duration : 0;
  if (m.missed === true || !(seconds > 0)) return { channel: 'message', minutes: null };
  return {
    channel: /\bvideo\b/i.test(content ?? '') ? 'video' : 'call',
    minutes: Math.round(seconds / 6) / 10,
  };
}

/**
 * One Messenger message → its interaction and the reactions on it. Unsent messages and
 * membership events are skipped; a call with a duration is a 'call' (or 'video') of that many
 * minutes, a missed one a 'message'; "Liked a message" texts are reactions. A reaction is a
 * touch only between the reactor and the sender, when one of them is the owner.
 */
export function messageRecords(ctx: ThreadContext, where: string, raw: unknown, out: ImportRecord[]): void {
  const m = obj(raw);
  const at = m?.timestamp_ms;
  const sender = fixed(m?.sender_name)?.trim();
  if (m === undefined || typeof at !== 'number' || !Number.isFinite(at) || !sender) {
    const what = m === undefined ? 'not a message' : sender ? 'no timestamp_ms' : 'no sender_name';
    out.push({ type: 'rejected', file: ctx.file, reason: `${where}: ${what}` });
    return;
  }
  const type = str(m.type)?.toLowerCase() ?? 'generic';
  if (m.is_unsent === true || MEMBERSHIP.has(type)) return;
  const outgoing = ctx.owner.is(sender);
  // One-to-one: always the thread's other person (Instagram knows them by username there).
  const counterpart = (name: string) => (ctx.group ? ctx.refOf(name) : ctx.others[0]);
  const senderRef = outgoing ? undefined : counterpart(sender);
  if ((!outgoing && (senderRef === undefined || isDeletedAccount(sender))) || ctx.others.length === 0) {
    ctx.deleted++;
    return;
  }
  const content = fixed(m.content);
  const key = contentKey(m, content);
  const base = {
    type: 'interaction',
    file: ctx.file,
    network: ctx.network,
    audience: ctx.group ? 'group' : 'one_to_one',
    threadId: ctx.threadId,
  } as const;
  const { words, snippet } = plainText(content ?? '');
  const call = type === 'call' || typeof m.call_duration === 'number' ? callOf(m, content) : undefined;
  const reaction = call === undefined && content !== undefined && REACTION_TEXT.test(content);
  out.push({
    ...base,
    externalId: stableId(ctx.network, String(at), foldName(sender), key),
    at,
    channel: call?.channel ?? (reaction ? 'reaction' : 'message'),
    direction: outgoing ? 'out' : 'in',
    length: call ? call.minutes : reaction || content === undefined ? null : words,
    snippet: snippet === '' ? undefined : snippet,
    participants:
      senderRef === undefined || !ctx.group
        ? ctx.others
        : [senderRef, ...ctx.others.filter((other) => other.key !== senderRef.key)],
  });
  for (const item of arr(m.reactions)) {
    const r = obj(item);
    const actor = fixed(r?.actor)?.trim();
    if (!actor || ctx.owner.is(actor) === outgoing) continue;
    const target = outgoing ? counterpart(actor) : senderRef;
    if (target === undefined || isDeletedAccount(actor)) continue;
    const seconds = typeof r?.timestamp === 'number' && r.timestamp > 0 ? r.timestamp * 1000 : undefined;
    const record: InteractionRecord = {
      ...base,
      externalId: stableId(`${ctx.network}r`, String(at), foldName(sender), key, foldName(actor)),
      at: seconds ?? at,
      channel: 'reaction',
      direction: outgoing ? 'in' : 'out',
      length: null,
      snippet: plainText(fixed(r?.reaction) ?? '').snippet || undefined,
      participants: [target],
    };
    out.push(record);
  }
}
