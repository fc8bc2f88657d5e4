import type { IdentityRef, ImportRecord } from '../types.js';
import type { Mailbox } from './mail-address.js';
import type { MailSummary } from './mail-message.js';
import type { MailOwner } from './mail-owner.js';

/**
 * One identity object per mailbox: mailboxes are shared while their text is in use (see
 * parseMailbox), so a correspondent's messages name the same object, which a batch then
 * carries across threads once.
 */
const identities = new WeakMap<Mailbox, IdentityRef>();
function identity(m: Mailbox): IdentityRef {
  let ref = identities.get(m);
  if (ref === undefined) {
    ref = Object.freeze({ network: 'email', key: m.address, displayName: m.name });
    identities.set(m, ref);
  }
  return ref;
}

/**
 * A conversation-like message as an email interaction. With the owner known: sent by the owner
 * is 'out' to every other recipient; received is 'in' from the sender, plus the other
 * recipients when the owner is among them (not when the owner was only Bcc'd). With the owner
 * unknown: 'in' from the sender alone. More than one other person makes it a group email.
 */
export function mailRecord(mail: MailSummary, owner: MailOwner): ImportRecord {
  const known = owner.addresses.size > 0;
  const outgoing = known && owner.has(mail.from.address);
  let people: Mailbox[];
  if (!known) people = [mail.from];
  else {
    const others = mail.recipients.filter((m) => !owner.has(m.address));
    if (outgoing) people = others;
    else people = others.length < mail.recipients.length ? [mail.from, ...others] : [mail.from];
  }
  if (people.length === 0)
    return {
      type: 'rejected',
      file: mail.file,
      line: mail.line,
      reason: 'not a conversation: a message to yourself',
    };
  return {
    type: 'interaction',
    file: mail.file,
    line: mail.line,
    externalId: mail.externalId,
    at: mail.at,
    channel: 'email',
    network: 'email',
    direction: outgoing ? 'out' : 'in',
    audience: people.length > 1 ? 'group' : 'one_to_one',
    length: mail.words,
    threadId: mail.threadId,
    snippet: mail.snippet,
    participants: people.map(identity),
  };
}
