import type { Mailbox } from './mail-address.js';
import { header, type MailHeaders } from './mail-headers.js';

/**
 * Which mail is not a relationship. Every reason starts with "not a conversation:" so the
 * import report tells the user why a message was left out.
 */

/** Recipients (To, Cc and Bcc, sender excluded) beyond which a message is a broadcast, not a conversation. */
export const MAX_RECIPIENTS = 5;

const NOT = 'not a conversation:';

/** Local parts of addresses no person reads or writes from. */
const AUTOMATED =
  /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|notifications?|bounces?|newsletters?)(?:[-+._]|$)/i;

/** Gmail labels of mail that is never personal: spam, unsent drafts, Gmail's bulk categories. */
const BULK_LABELS: Record<string, string> = {
  spam: 'Gmail marked it as spam',
  draft: 'a draft, never sent',
  drafts: 'a draft, never sent',
  'category promotions': 'Gmail category Promotions',
  'category social': 'Gmail category Social',
  'category forums': 'Gmail category Forums',
  'category updates': 'Gmail category Updates',
};

/** True for addresses like noreply@…, mailer-daemon@…, notifications@…. */
export function isAutomated(address: string): boolean {
  return AUTOMATED.test(address.slice(0, address.indexOf('@')));
}

/** Why a message is list, bulk, automatic or unwanted mail (by its headers and labels), or undefined. */
export function bulkMail(headers: MailHeaders, labels: readonly string[]): string | undefined {
  for (const label of labels) {
    const why = BULK_LABELS[label];
    if (why !== undefined) return `${NOT} ${why}`;
  }
  if (headers.has('list-id')) return `${NOT} mailing list (List-Id)`;
  if (headers.has('list-unsubscribe')) return `${NOT} newsletter or mailing list (List-Unsubscribe)`;
  const precedence = header(headers, 'precedence')?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk')
    return `${NOT} bulk mail (Precedence: ${precedence})`;
  const auto = header(headers, 'auto-submitted')?.trim().toLowerCase();
  if (auto !== undefined && auto !== '' && auto !== 'no') return `${NOT} automatic message (Auto-Submitted)`;
  return undefined;
}

/** Why a message with this sender and these recipients is not a conversation, or undefined. */
export function crowdOrAutomated(from: Mailbox, recipients: readonly Mailbox[]): string | undefined {
  if (isAutomated(from.address)) return `${NOT} automated sender ${from.address}`;
  if (recipients.length > MAX_RECIPIENTS)
    return `${NOT} sent to ${recipients.length} people (more than ${MAX_RECIPIENTS})`;
  if (recipients.length > 0 && recipients.every((r) => isAutomated(r.address)))
    return `${NOT} sent to an automated address ${recipients[0]!.address}`;
  return undefined;
}
