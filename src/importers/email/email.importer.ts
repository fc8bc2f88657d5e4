import { PROGRESS_BYTES } from '../csv-reader.js';
import { type SniffingImporter, someEntryLooksLike, unreadableEntry } from '../entry-head.js';
import { oneByOne } from '../one-by-one.js';
import { skippedFiles } from '../skipped-files.js';
import type { ExportSource, ImportRecord, SourceEntry } from '../types.js';
import { type MailReading, type MailSummary, readMessage } from './mail-message.js';
import { MailOwner } from './mail-owner.js';
import { mailRecord } from './mail-records.js';
import { entryKind, type MailKind, sniffMail } from './mail-sniff.js';
import { MboxSplitter, type RawMessage } from './mbox-splitter.js';

/** Bytes kept of each message: all its headers and the start of its body (attachments are not read). */
export const MESSAGE_CAP = 256 * 1024;
/** Conversation-like messages held back while the owner is not yet known (see MailOwner). */
export const OWNER_HOLD = 1000;

function readSafely(raw: RawMessage, file: string, withDeliveredTo: boolean): MailReading {
  try {
    return readMessage(raw, file, withDeliveredTo);
  } catch (error) {
    return { rejected: `unreadable message: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The owner and the messages held until it is known, across every file of one export. */
class MailState {
  readonly owner = new MailOwner();
  private settled = false;
  private held: MailSummary[] = [];

  /** Until the owner is decided, where each message was delivered to is evidence (MailOwner.observe). */
  get wantsDeliveredTo(): boolean {
    return !this.settled;
  }

  add(reading: MailReading, raw: RawMessage, file: string, out: ImportRecord[]): void {
    if ('rejected' in reading) {
      out.push({ type: 'rejected', file, line: raw.line, reason: reading.rejected });
      return;
    }
    const mail = reading.mail;
    if (!this.settled) {
      this.owner.observe(mail);
      this.held.push(mail);
      if (this.held.length >= OWNER_HOLD) this.settle(out);
      return;
    }
    if (this.owner.learn(mail)) out.push(this.owner.record(mail.file, mail.line));
    out.push(mailRecord(mail, this.owner));
  }

  /** Decides the owner and releases the held messages. */
  settle(out: ImportRecord[]): void {
    if (this.settled) return;
    this.settled = true;
    const first = this.held[0];
    if (this.owner.settle() && first !== undefined) out.push(this.owner.record(first.file, first.line));
    for (const mail of this.held) out.push(mailRecord(mail, this.owner));
    this.held = [];
  }
}

/** Streams one mbox or .eml: messages cut at From_ lines, each read and counted as it completes. */
async function* readMailFile(
  entry: SourceEntry,
  kind: MailKind,
  box: MailState,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  const splitter = new MboxSplitter(MESSAGE_CAP, kind === 'eml');
  const raws: RawMessage[] = [];
  let out: ImportRecord[] = [];
  let messages = 0;
  let bytesRead = 0;
  let reported = 0;
  const take = (): void => {
    for (const raw of raws) {
      messages++;
      box.add(readSafely(raw, file, box.wantsDeliveredTo), raw, file, out);
    }
    raws.length = 0;
  };
  try {
    for await (const chunk of (await entry.open()) as AsyncIterable<Uint8Array | string>) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk, 'utf8')
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      bytesRead += bytes.length;
      splitter.write(bytes, raws);
      take();
      if (bytesRead - reported >= PROGRESS_BYTES) {
        reported = bytesRead;
        out.push({ type: 'progress', file, bytesRead, bytesTotal: entry.size });
      }
      if (out.length > 0) {
        yield out;
        out = [];
      }
    }
  } catch (error) {
    throw unreadableEntry(file, error);
  }
  splitter.end(raws);
  take();
  if (splitter.preamble > 4)
    out.push({
      type: 'rejected',
      file,
      line: 1,
      reason: `${splitter.preamble} bytes before the first "From " line, not part of any message`,
    });
  if (messages === 0) out.push({ type: 'rejected', file, line: 1, reason: 'no message in this file' });
  out.push({ type: 'progress', file, bytesRead, bytesTotal: entry.size });
  yield out;
}

/**
 * Reads mbox files (Gmail Takeout's included) and single .eml messages, recognised by their
 * first bytes. Only one-to-one and small-group conversations become interactions; lists,
 * newsletters, automated senders and broadcasts are rejected with a "not a conversation:" reason.
 */
async function* emailBatches(source: ExportSource): AsyncGenerator<ImportRecord[]> {
  const mail: { entry: SourceEntry; kind: MailKind }[] = [];
  const other: SourceEntry[] = [];
  for (const entry of source.entries) {
    const kind = await entryKind(entry);
    if (kind === undefined) other.push(entry);
    else mail.push({ entry, kind });
  }
  if (other.length > 0) yield skippedFiles(other, 'not an mbox or .eml file');
  const box = new MailState();
  for (const { entry, kind } of mail) {
    yield [{ type: 'file', file: entry.path, status: 'reading', bytes: entry.size }];
    yield* readMailFile(entry, kind, box);
  }
  const out: ImportRecord[] = [];
  box.settle(out);
  if (out.length > 0) yield out;
}

/** Email: mbox files (Gmail Takeout's included) and single .eml messages. */
export const emailImporter: SniffingImporter = {
  source: 'email',
  displayName: 'Email (mbox, .eml)',
  recognisedFiles: ['*.mbox', '*.eml'],
  detect(source: ExportSource): boolean {
    return source.entries.some((entry) => /\.(mbox|mbx|eml)$/i.test(entry.path));
  },
  sniff(source: ExportSource): Promise<boolean> {
    return someEntryLooksLike(source, (head) => sniffMail(head) !== undefined);
  },
  parse: oneByOne(emailBatches),
  parseBatches: emailBatches,
};
