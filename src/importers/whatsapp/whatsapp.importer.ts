import { TextDecoder } from 'node:util';
import {
  isBinaryName,
  readHead,
  type SniffingImporter,
  someEntryLooksLike,
  unreadableEntry,
} from '../entry-head.js';
import { oneByOne } from '../one-by-one.js';
import { skippedFiles } from '../skipped-files.js';
import { sniffEncoding } from '../text-decode.js';
import type { ExportSource, ImportRecord, SourceEntry } from '../types.js';
import { parseChat } from './chat.parser.js';
import { looksLikeChatLine, parseChatLine } from './chat-line.js';
import { type ChatOwner, chooseOwner } from './chat-owner.js';
import { whatsappIdentity } from './chat-people.js';
import { type ChatStats, scanChat } from './chat-scan.js';

/** True when a file's first bytes are a WhatsApp chat: its first line is a message header. */
export function sniffChat(head: Buffer): boolean {
  const { encoding, bomLength } = sniffEncoding(head);
  const text = new TextDecoder(encoding).decode(head.subarray(bomLength));
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '');
  if (first === undefined) return false;
  return looksLikeChatLine(first) || parseChatLine(first)?.author !== undefined;
}

async function isChat(entry: SourceEntry): Promise<boolean> {
  if (entry.size === 0 || isBinaryName(entry.path)) return false;
  return sniffChat(await readHead(entry));
}

function ownerRecord(owner: ChatOwner, file: string): ImportRecord[] {
  const identity = whatsappIdentity(owner.shown);
  if (identity === undefined) return [];
  return [{ type: 'owner', file, identities: [identity], person: { displayName: owner.shown } }];
}

async function* guarded(
  file: string,
  records: AsyncGenerator<ImportRecord[]>,
): AsyncGenerator<ImportRecord[]> {
  try {
    yield* records;
  } catch (error) {
    throw unreadableEntry(file, error);
  }
}

/**
 * Reads WhatsApp chat exports (`WhatsApp Chat with X.txt`, or a zip holding `_chat.txt` and
 * media), recognised by their first line. Two passes per chat: the first reads every date
 * (day/month order) and sender (the owner rule, see chooseOwner), the second makes records.
 * Two streamed passes keep memory flat at any size, for twice the reading of a text file.
 */
async function* whatsappBatches(source: ExportSource): AsyncGenerator<ImportRecord[]> {
  const chats: ChatStats[] = [];
  const other: SourceEntry[] = [];
  for (const entry of source.entries) {
    if (!(await isChat(entry))) {
      other.push(entry);
      continue;
    }
    try {
      chats.push(await scanChat(entry, source.label));
    } catch (error) {
      throw unreadableEntry(entry.path, error);
    }
  }
  if (other.length > 0) yield skippedFiles(other, 'not a WhatsApp chat');
  const owner = chooseOwner(chats);
  if (owner !== undefined && chats[0] !== undefined) yield ownerRecord(owner, chats[0].entry.path);
  for (const chat of chats) {
    yield [{ type: 'file', file: chat.entry.path, status: 'reading', bytes: chat.entry.size }];
    yield* guarded(chat.entry.path, parseChat(chat, owner));
  }
}

/** WhatsApp chat exports (.txt, or a zip with _chat.txt and media). */
export const whatsappImporter: SniffingImporter = {
  source: 'whatsapp',
  displayName: 'WhatsApp',
  recognisedFiles: ['WhatsApp Chat with <name>.txt', '_chat.txt'],
  detect(source: ExportSource): boolean {
    return source.entries.some((entry) => /(^|\/)(_chat\.txt|[^/]*whatsapp[^/]*\.txt)$/i.test(entry.path));
  },
  sniff(source: ExportSource): Promise<boolean> {
    return someEntryLooksLike(source, (head) => sniffChat(head));
  },
  parse: oneByOne(whatsappBatches),
  parseBatches: whatsappBatches,
};
