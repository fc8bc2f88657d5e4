import { PROGRESS_BYTES } from '../csv-reader.js';
import { readLines } from '../text-lines.js';
import type { ImportRecord } from '../types.js';
import { parseChatLine } from './chat-line.js';
import { ChatMessages, MAX_MESSAGE_CHARS, type PendingMessage } from './chat-message.js';
import type { ChatOwner } from './chat-owner.js';
import type { ChatStats } from './chat-scan.js';

/**
 * Second pass over one chat: messages (a header line plus its continuation lines) become
 * records through ChatMessages, streamed, with progress every ~64 KiB.
 */
export async function* parseChat(
  stats: ChatStats,
  owner: ChatOwner | undefined,
): AsyncGenerator<ImportRecord[]> {
  const file = stats.entry.path;
  const messages = new ChatMessages(stats, owner);
  let out: ImportRecord[] = [];
  let pending: PendingMessage | undefined;
  const flush = (): void => {
    if (pending !== undefined) out.push(messages.record(pending));
    pending = undefined;
  };
  let reported = 0;
  for await (const batch of readLines(stats.entry)) {
    for (const { text, line } of batch.lines) {
      const header = parseChatLine(text);
      if (header !== undefined) {
        flush();
        pending = { line, header, text: header.text };
      } else if (pending !== undefined) {
        if (pending.text.length < MAX_MESSAGE_CHARS) pending.text += `\n${text}`;
      } else if (text.trim() !== '') {
        out.push({ type: 'rejected', file, line, reason: 'text before the first message' });
      }
    }
    if (batch.bytesRead - reported >= PROGRESS_BYTES) {
      reported = batch.bytesRead;
      out.push({ type: 'progress', file, bytesRead: reported, bytesTotal: stats.entry.size });
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  flush();
  out.push({ type: 'progress', file, bytesRead: stats.entry.size, bytesTotal: stats.entry.size });
  yield out;
}
