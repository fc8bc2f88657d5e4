import { conversationTimes, rfc5322 } from './life-dates.js';
import { emailBody, SUBJECTS } from './life-text.js';
import { CRLF, encodeWords, gmailLabels, mailbox, mboxEntry, quotedPrintable } from './mail-format.js';
import type { Random } from './random.js';

/** Someone in a mailbox: name, address, and the UTC offset (minutes) their Date headers carry. */
export interface MailPerson {
  name: string;
  address: string;
  offset: number;
}

/** One conversation by email between the owner and `other` (with `cc` copied when given). */
export interface ThreadPlan {
  owner: MailPerson;
  other: MailPerson;
  cc?: MailPerson[] | undefined;
  count: number;
  from: number;
  to: number;
  topic: string;
  /** Labels on the other side's messages (the owner's own carry Gmail's "Sent"). */
  labels: readonly string[];
}

const first = (name: string) => name.split(' ')[0] ?? name;

/** A 19-digit Gmail message id: the send time in the high digits keeps ids unique and sortable. */
export function gmailId(at: number, seq: number): string {
  return (BigInt(at) * 1_000_000n + BigInt(seq % 1_000_000)).toString();
}

function messageId(id: string, sender: MailPerson): string {
  const domain = sender.address.slice(sender.address.indexOf('@') + 1);
  return `<${BigInt(id).toString(36)}@${domain}>`;
}

/** Body headers and text: quoted-printable text, sometimes with an HTML alternative, as Gmail sends. */
function mimeBody(rng: Random, text: string, id: string): { headers: [string, string][]; body: string } {
  if (rng.chance(0.3)) {
    const boundary = `000000000000${BigInt(id).toString(16).slice(-12)}`;
    const html = `<div dir="ltr">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</div>`;
    const part = (type: string, content: string) =>
      `--${boundary}${CRLF}Content-Type: ${type}; charset="UTF-8"${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${quotedPrintable(content)}${CRLF}`;
    return {
      headers: [['Content-Type', `multipart/alternative; boundary="${boundary}"`]],
      body: `${part('text/plain', text)}${CRLF}${part('text/html', html)}${CRLF}--${boundary}--`,
    };
  }
  return {
    headers: [
      ['Content-Type', 'text/plain; charset="UTF-8"'],
      ['Content-Transfer-Encoding', 'quoted-printable'],
    ],
    body: quotedPrintable(text),
  };
}

/**
 * The mbox entries of one email thread, oldest first: alternating senders, "Re:" subjects,
 * In-Reply-To and References, one X-GM-THRID. `seq` numbers messages across the mailbox.
 */
export function* threadEntries(rng: Random, plan: ThreadPlan, seq: () => number): Generator<string> {
  const times = conversationTimes(rng, plan.count, plan.from, plan.to).reverse();
  const subject = rng.pick(SUBJECTS)(plan.topic);
  const encoding = rng.chance(0.5) ? 'Q' : 'B';
  let thread = '';
  const ids: string[] = [];
  let ownerSends = rng.chance(0.6);
  for (const [i, at] of times.entries()) {
    const [sender, recipient] = ownerSends ? [plan.owner, plan.other] : [plan.other, plan.owner];
    const id = gmailId(at, seq());
    if (i === 0) thread = id;
    const mid = messageId(id, sender);
    const text = emailBody(rng, first(recipient.name), first(sender.name), plan.topic);
    const mime = mimeBody(rng, text, id);
    const labels = ownerSends ? ['Sent'] : [...plan.labels];
    yield mboxEntry(
      id,
      at,
      [
        ['X-GM-THRID', thread],
        ['X-Gmail-Labels', gmailLabels(labels)],
        ['Delivered-To', ownerSends ? undefined : plan.owner.address],
        ['MIME-Version', '1.0'],
        ['Date', rfc5322(at, sender.offset)],
        ['Message-ID', mid],
        ['In-Reply-To', ids.at(-1)],
        ['References', ids.length > 0 ? ids.join(`${CRLF} `) : undefined],
        ['Subject', encodeWords(i === 0 ? subject : `Re: ${subject}`)],
        ['From', mailbox(sender.name, sender.address, encoding)],
        ['To', mailbox(recipient.name, recipient.address, encoding)],
        ['Cc', plan.cc?.map((p) => mailbox(p.name, p.address, encoding)).join(`,${CRLF} `)],
        ...mime.headers,
      ],
      mime.body,
    );
    ids.push(mid);
    ownerSends = !ownerSends;
  }
}
