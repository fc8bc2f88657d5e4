import { plainText } from '../plain-text.js';
import { recentResults } from '../recent-results.js';
import { stableId } from '../stable-id.js';
import { decodeWords } from './encoded-words.js';
import { type Mailbox, parseAddressList, parseMailbox } from './mail-address.js';
import { bodyText, ownWords } from './mail-body.js';
import { bulkMail, crowdOrAutomated } from './mail-classify.js';
import { parseEnvelopeDate, parseMailDate } from './mail-date.js';
import { header, type MailHeaders, parseHeaders, type ReadField } from './mail-headers.js';
import type { RawMessage } from './mbox-splitter.js';

/** What Rapport keeps of one conversation-like message: small, so many can be held. */
export interface MailSummary {
  file: string;
  line: number;
  externalId: string;
  at: number;
  from: Mailbox;
  /** To, Cc and Bcc, each address once, without the sender. */
  recipients: Mailbox[];
  /**
   * Delivered-To, X-Original-To, Envelope-To: the mailbox this copy was delivered to. Read only
   * when asked for (while the owner is not yet known); empty otherwise.
   */
  deliveredTo: string[];
  /** Gmail's labels include "Sent": the sender is the owner. */
  sent: boolean;
  threadId: string | undefined;
  words: number;
  snippet: string | undefined;
}

/** A message read: kept as a summary, or rejected with the reason. */
export type MailReading = { mail: MailSummary } | { rejected: string };

const NO_LABELS: readonly string[] = Object.freeze([]);

/**
 * X-Gmail-Labels: comma-separated, quoted when a label holds a comma, maybe encoded words. A
 * mailbox has few distinct label sets, so each is read once while in use; shared, so frozen.
 */
export function gmailLabels(value: string | undefined): readonly string[] {
  return value === undefined ? NO_LABELS : labelsOf(value);
}

const labelsOf = recentResults((value) => Object.freeze(readLabels(value)), 1024);

function readLabels(value: string): string[] {
  const labels: string[] = [];
  // Without quotes or encoded words (nearly always) the labels are the comma-separated pieces.
  if (value.indexOf('"') === -1 && value.indexOf('=?') === -1) {
    for (const piece of value.split(',')) {
      const label = piece.trim();
      if (label !== '') labels.push(label.toLowerCase());
      if (labels.length >= 64) break;
    }
    return labels;
  }
  for (const m of value.matchAll(/\s*("(?:[^"\\]|\\.)*"|[^,]*)\s*(?:,|$)/g)) {
    let label = m[1]!.trim();
    if (label.startsWith('"') && label.endsWith('"') && label.length >= 2)
      label = label.slice(1, -1).replace(/\\(.)/g, '$1');
    label = decodeWords(label).trim();
    if (label !== '') labels.push(label.toLowerCase());
    if (m[0] === '' || labels.length >= 64) break;
  }
  return labels;
}

function messageId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /<([^<>\s]+)>/.exec(value);
  const id = (m ? m[1]! : value.trim()).slice(0, 500);
  return id === '' ? undefined : id;
}

function threadOf(headers: MailHeaders, id: string | undefined): string | undefined {
  const gmail = header(headers, 'x-gm-thrid')?.trim();
  if (gmail) return `gmail:${gmail.slice(0, 64)}`;
  const root = messageId(header(headers, 'references')) ?? messageId(header(headers, 'in-reply-to')) ?? id;
  return root === undefined ? undefined : `msgid:${root}`;
}

/** The To, Cc and Bcc values; the To list itself when there is only To (the usual case). */
function recipientFields(headers: MailHeaders): string[] | undefined {
  const to = headers.get('to');
  const cc = headers.get('cc');
  const bcc = headers.get('bcc');
  if (cc === undefined && bcc === undefined) return to;
  return [...(to ?? []), ...(cc ?? []), ...(bcc ?? [])];
}

function addresses(headers: MailHeaders, names: readonly ReadField[]): string[] {
  const out: string[] = [];
  for (const name of names)
    for (const mailbox of parseAddressList(headers.get(name))) out.push(mailbox.address);
  return out;
}

/**
 * Reads one message: header fields parsed by hand (fast, and all most messages need), the
 * body's text only for messages that pass the conversation checks. Undefined fields in
 * malformed mail become a rejection with the reason, never an exception.
 */
export function readMessage(raw: RawMessage, file: string, withDeliveredTo = true): MailReading {
  const { headers, bodyAt } = parseHeaders(raw.bytes);
  if (bodyAt === -1 && raw.size > raw.bytes.length)
    return { rejected: `header longer than ${raw.bytes.length} bytes; message not read` };
  const labels = gmailLabels(header(headers, 'x-gmail-labels'));
  const skip = bulkMail(headers, labels);
  if (skip !== undefined) return { rejected: skip };
  const fromValue = header(headers, 'from') ?? header(headers, 'sender');
  const from = fromValue === undefined ? undefined : parseMailbox(fromValue);
  if (from === undefined)
    return {
      rejected:
        fromValue === undefined
          ? 'no sender (From:)'
          : `unreadable sender in From: ${JSON.stringify(fromValue.slice(0, 80))}`,
    };
  // Bcc is only in the sender's own copy, where it names real recipients.
  const recipients = parseAddressList(recipientFields(headers)).filter((m) => m.address !== from.address);
  const crowd = crowdOrAutomated(from, recipients);
  if (crowd !== undefined) return { rejected: crowd };
  const dateValue = header(headers, 'date');
  const at = parseMailDate(dateValue) ?? parseEnvelopeDate(raw.envelope);
  if (at === undefined)
    return {
      rejected:
        dateValue === undefined
          ? 'no date (Date:)'
          : `unreadable date in Date: ${JSON.stringify(dateValue.slice(0, 80))}`,
    };
  const id = messageId(header(headers, 'message-id'));
  const subject = decodeWords(header(headers, 'subject') ?? '');
  const body = bodyAt === -1 ? undefined : bodyText(headers, raw.bytes.subarray(bodyAt));
  const text = plainText(body === undefined ? '' : ownWords(body));
  const snippet = text.snippet !== '' ? text.snippet : plainText(subject).snippet;
  return {
    mail: {
      file,
      line: raw.line,
      externalId:
        id !== undefined
          ? stableId('email', id)
          : stableId('email-nomsgid', dateValue ?? '', fromValue ?? '', subject),
      at,
      // Shared and already a copy (parseMailbox): safe to keep.
      from,
      recipients,
      deliveredTo: withDeliveredTo
        ? addresses(headers, ['delivered-to', 'x-original-to', 'envelope-to'])
        : [],
      sent: labels.includes('sent'),
      threadId: threadOf(headers, id),
      words: text.words,
      snippet: snippet === '' ? undefined : snippet,
    },
  };
}
