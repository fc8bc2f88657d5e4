import { readLines } from '../text-lines.js';
import type { SourceEntry } from '../types.js';
import { chatEvent } from './chat-calls.js';
import { type DateOrder, DateOrderGuess } from './chat-dates.js';
import { parseChatLine } from './chat-line.js';
import { chatTitle, senderKey, titleKey } from './chat-people.js';

/** Senders remembered per chat (a WhatsApp group holds at most 1024 members). */
const MAX_SENDERS = 2048;

/** Notices that only groups have, in English and a few other languages. */
const GROUP_NOTICE =
  /\bgroup\b|created group|\badded\b|\bremoved\b|\bleft$|changed the subject|changed this group|\bgruppe\b|\bgrupo\b|\bgroupe\b|\bgruppo\b|\bgroep\b/i;

/** What the first pass learns about one chat file. */
export interface ChatStats {
  entry: SourceEntry;
  title: string | undefined;
  titleKey: string | undefined;
  order: DateOrder;
  /** Sender key → the name as shown (first seen). */
  senders: Map<string, string>;
  /** A notice says this chat is a group. */
  group: boolean;
  /** Message header lines. */
  messages: number;
}

/**
 * First pass over a chat: every date (to settle day/month order for the whole file), every
 * sender and any group notice. Streams the file, so memory is bounded by the senders.
 */
export async function scanChat(entry: SourceEntry, sourceLabel: string): Promise<ChatStats> {
  const guess = new DateOrderGuess();
  const senders = new Map<string, string>();
  let group = false;
  let messages = 0;
  for await (const batch of readLines(entry)) {
    for (const { text } of batch.lines) {
      const line = parseChatLine(text);
      if (line === undefined) continue;
      messages++;
      guess.add(line);
      if (line.author === undefined || chatEvent(line.text)?.kind === 'system') {
        if (!group && GROUP_NOTICE.test(line.text)) group = true;
        continue;
      }
      const key = senderKey(line.author);
      if (key !== '' && !senders.has(key) && senders.size < MAX_SENDERS) senders.set(key, line.author);
    }
  }
  const title = chatTitle(entry.path, sourceLabel);
  return { entry, title, titleKey: titleKey(title), order: guess.order(), senders, group, messages };
}
