import { SNIPPET_CHARS } from '../plain-text.js';
import { stableId } from '../stable-id.js';
import type { IdentityRef, ImportRecord } from '../types.js';
import { chatEvent } from './chat-calls.js';
import { lineTime } from './chat-dates.js';
import { type ChatLine, MARKS } from './chat-line.js';
import type { ChatOwner } from './chat-owner.js';
import { whatsappIdentity } from './chat-people.js';
import type { ChatStats } from './chat-scan.js';

/** Characters of one message kept (for words and the snippet); the rest of a huge paste is dropped. */
export const MAX_MESSAGE_CHARS = 1 << 16;

/** A message being read: its header line and its text so far. */
export interface PendingMessage {
  line: number;
  header: ChatLine;
  text: string;
}

const isBlank = (c: number): boolean =>
  c <= 32 ||
  (c >= 0x7f && c <= 0xa0) ||
  c === 0x202f ||
  (c >= 0x2000 && c <= 0x200f) ||
  (c >= 0x202a && c <= 0x202e) ||
  c === 0x3000;

/** Words and snippet of chat text, which is plain text (never HTML: `<Media omitted>` is text). */
export function chatText(text: string): { words: number; snippet: string } {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const blank = isBlank(text.charCodeAt(i));
    if (!blank && !inWord) words++;
    inWord = !blank;
  }
  // Only the start is shown: tidy a prefix long enough for the snippet, not the whole text.
  let snippet = text
    .slice(0, SNIPPET_CHARS * 4)
    .replace(MARKS, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
  if (snippet.length > SNIPPET_CHARS)
    snippet = snippet.slice(0, SNIPPET_CHARS).replace(/[\ud800-\udbff]$/, '');
  return { words, snippet };
}

/**
 * Messages of one chat as records. Text is a `message`; calls are `call`/`video` with their
 * minutes and 'mutual' (both spoke; who dialled is not reliable); missed calls and notices are
 * rejected as "not a conversation:". The owner's messages go 'out' to everyone else in the
 * chat; others' come 'in' from their sender. Times are the phone's wall-clock time read as UTC
 * (the export has no zone). Ids hash time, sender, text and the repeat count within the minute.
 */
export class ChatMessages {
  private readonly file: string;
  private readonly people = new Map<string, IdentityRef>();
  private readonly group: boolean;
  private readonly threadId: string;
  private minute = Number.NaN;
  private readonly repeats = new Map<string, number>();

  constructor(
    private readonly stats: ChatStats,
    private readonly owner: ChatOwner | undefined,
  ) {
    this.file = stats.entry.path;
    for (const [key, shown] of stats.senders) {
      const ref = key === owner?.key ? undefined : whatsappIdentity(shown);
      if (ref !== undefined) this.people.set(key, ref);
    }
    if (
      owner !== undefined &&
      this.people.size === 0 &&
      stats.title !== undefined &&
      stats.titleKey !== owner.key
    ) {
      const ref = whatsappIdentity(stats.title); // a one-to-one chat where only the owner wrote
      if (ref !== undefined) this.people.set(ref.key, ref);
    }
    this.group = stats.group || (owner === undefined ? stats.senders.size >= 3 : this.people.size >= 2);
    this.threadId = `whatsapp:${stats.titleKey ?? this.file}`;
  }

  /** The record for one complete message: an interaction, or a rejection with its reason. */
  record(p: PendingMessage): ImportRecord {
    const reject = (reason: string): ImportRecord => ({
      type: 'rejected',
      file: this.file,
      line: p.line,
      reason,
    });
    const at = lineTime(p.header, this.stats.order);
    if (at === undefined) return reject('unreadable date or time');
    const event = chatEvent(p.text);
    if (p.header.author === undefined || event?.kind === 'system')
      return reject(`not a conversation: WhatsApp notice "${p.text.replace(MARKS, '').trim().slice(0, 60)}"`);
    if (event?.kind === 'missed')
      return reject(`not a conversation: missed ${event.channel === 'video' ? 'video' : 'voice'} call`);
    const sender = whatsappIdentity(p.header.author);
    if (sender === undefined) return reject('no sender name');
    const mine = this.owner !== undefined && sender.key === this.owner.key;
    const participants = mine ? [...this.people.values()] : [this.people.get(sender.key) ?? sender];
    if (participants.length === 0) return reject('not a conversation: no one else in this chat');
    if (at !== this.minute) {
      this.minute = at;
      this.repeats.clear();
    }
    const same = `${sender.key}\u0000${p.text}`;
    const repeat = this.repeats.get(same) ?? 0;
    if (this.repeats.size < 10_000) this.repeats.set(same, repeat + 1);
    const call = event?.kind === 'call' ? event : undefined;
    const { words, snippet } = chatText(p.text);
    return {
      type: 'interaction',
      file: this.file,
      line: p.line,
      externalId: stableId('whatsapp', String(at), sender.key, p.text, String(repeat)),
      at,
      channel: call ? call.channel : 'message',
      network: 'whatsapp',
      direction: call ? 'mutual' : mine ? 'out' : 'in',
      audience: this.group ? 'group' : 'one_to_one',
      length: call ? call.minutes : words,
      threadId: this.threadId,
      snippet: snippet === '' ? undefined : snippet,
      participants,
    };
  }
}
