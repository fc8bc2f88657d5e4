import { HEAD_BYTES, isBinaryName, readHead } from '../entry-head.js';
import type { SourceEntry } from '../types.js';
import { isFromLine } from './mbox-splitter.js';

/** An mbox of many messages, or one message (.eml). */
export type MailKind = 'mbox' | 'eml';

/** Header fields that only mail has; a file whose head holds two of them reads as a message. */
const MAIL_FIELDS = new Set([
  'from',
  'to',
  'cc',
  'date',
  'subject',
  'message-id',
  'mime-version',
  'received',
  'return-path',
  'delivered-to',
  'content-type',
  'content-transfer-encoding',
  'reply-to',
  'sender',
  'references',
  'in-reply-to',
  'x-mailer',
  'x-gm-thrid',
  'x-gmail-labels',
  'dkim-signature',
  'authentication-results',
]);

const FIELD = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;

/** A head that is a header block: fields and continuation lines up to a blank line, two of them mail's own. */
function looksLikeHeaders(text: string, complete: boolean): boolean {
  const lines = text.split('\n');
  if (!complete && lines.length > 1) lines.pop(); // the last line may be cut by the head's end
  let known = 0;
  for (const [i, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') break;
    const c = line.charCodeAt(0);
    if (c === 32 || c === 9) {
      if (i === 0) return false;
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) return false;
    if (MAIL_FIELDS.has(m[1]!.toLowerCase())) known++;
  }
  return known >= 2;
}

/** Whether a file's first bytes are an mbox (a From_ line), a single message (.eml), or neither. */
export function sniffMail(head: Buffer, complete = head.length < HEAD_BYTES): MailKind | undefined {
  let text = head.toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  text = text.replace(/^(?:\r?\n)+/, '');
  const nl = text.indexOf('\n');
  const first = nl === -1 ? text : text.slice(0, nl);
  if (isFromLine(first.endsWith('\r') ? first.slice(0, -1) : first)) return 'mbox';
  return looksLikeHeaders(text, complete) ? 'eml' : undefined;
}

/** The kind of an entry, read from its head; media by name and empty files are never mail. */
export async function entryKind(entry: SourceEntry): Promise<MailKind | undefined> {
  if (entry.size === 0 || isBinaryName(entry.path)) return undefined;
  const head = await readHead(entry);
  return sniffMail(head);
}
