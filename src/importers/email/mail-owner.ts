import type { OwnerRecord } from '../types.js';
import type { MailSummary } from './mail-message.js';

/** Share of the top delivered-to count another address needs to count as the owner's too (forwarding). */
const ALIAS_SHARE = 0.05;

const bump = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

/**
 * Who "me" is in a mailbox. The rule, in order:
 * 1. Explicit evidence: the addresses mail was delivered to (Delivered-To, X-Original-To,
 *    Envelope-To; the top one, and others with at least 5% of its count) and the senders of
 *    mail Gmail labels "Sent" are all the owner's.
 * 2. Otherwise the address in the most messages (as sender or To/Cc recipient), when it is in
 *    at least two and strictly more than any other address.
 * 3. Otherwise unknown (a lone .eml, or a tie): every message is read as received from its sender.
 * Only conversation-like messages (not lists or bulk mail) are counted.
 */
export class MailOwner {
  readonly addresses = new Set<string>();
  private name: string | undefined;
  private readonly delivered = new Map<string, number>();
  private readonly sentFrom = new Set<string>();
  private readonly presence = new Map<string, number>();
  private readonly names = new Map<string, string>();

  /** Counts one message's evidence (before the owner is settled). */
  observe(mail: MailSummary): void {
    for (const address of mail.deliveredTo) bump(this.delivered, address);
    if (mail.sent && this.sentFrom.size < 100) this.sentFrom.add(mail.from.address);
    for (const m of [mail.from, ...mail.recipients]) {
      bump(this.presence, m.address);
      if (m.name !== undefined && !this.names.has(m.address) && this.names.size < 10_000)
        this.names.set(m.address, m.name);
    }
  }

  /** Decides the owner from what was observed; true when one was found. */
  settle(): boolean {
    let top = 0;
    for (const count of this.delivered.values()) top = Math.max(top, count);
    for (const [address, count] of this.delivered)
      if (count >= Math.max(1, top * ALIAS_SHARE)) this.addresses.add(address);
    for (const address of this.sentFrom) this.addresses.add(address);
    if (this.addresses.size === 0) {
      let best: string | undefined;
      let bestCount = 0;
      let second = 0;
      for (const [address, count] of this.presence) {
        if (count > bestCount) {
          second = bestCount;
          best = address;
          bestCount = count;
        } else if (count > second) second = count;
      }
      if (best !== undefined && bestCount >= 2 && bestCount > second) this.addresses.add(best);
    }
    for (const address of this.addresses) this.name ??= this.names.get(address);
    this.delivered.clear();
    this.presence.clear();
    this.names.clear();
    return this.addresses.size > 0;
  }

  /** After settling: a Sent-labelled message from a new address teaches an alias; true when it did. */
  learn(mail: MailSummary): boolean {
    if (!mail.sent || this.addresses.has(mail.from.address) || this.addresses.size >= 100) return false;
    this.addresses.add(mail.from.address);
    this.name ??= mail.from.name;
    return true;
  }

  has(address: string): boolean {
    return this.addresses.has(address);
  }

  /** The owner record for what is known now. */
  record(file: string, line: number | undefined): OwnerRecord {
    const all = [...this.addresses];
    return {
      type: 'owner',
      file,
      line,
      identities: all.map((key) => ({ network: 'email', key, displayName: this.name })),
      person: { displayName: this.name ?? all[0] ?? 'me' },
    };
  }
}
