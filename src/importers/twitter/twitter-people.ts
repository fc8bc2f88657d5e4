import { detach } from '../identity-keys.js';
import type { IdentityRef, OwnerRecord } from '../types.js';

/** A Twitter account id as the archive writes it (a string of digits, sometimes a number). */
export function numericId(raw: unknown): string | undefined {
  const id = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (typeof id !== 'string') return undefined;
  const trimmed = id.trim();
  return /^\d{1,25}$/.test(trimmed) && !/^0+$/.test(trimmed) ? detach(trimmed) : undefined;
}

const blank = (s: unknown): string | undefined =>
  typeof s === 'string' && s.trim() !== '' ? detach(s.trim()) : undefined;

interface Known {
  handle?: string | undefined;
  name?: string | undefined;
}

/**
 * People in a Twitter archive are numeric account ids (the identity key, stable across
 * renames). Handles and names are learned from tweets (replies and mentions), which are read
 * before followers and messages so their identities carry them.
 */
export class TwitterPeople {
  ownerId: string | undefined;
  private readonly known = new Map<string, Known>();
  /** Identities made by `ref` (read-only, shared by every record naming the account). */
  private readonly refs = new Map<string, IdentityRef>();

  /** Remembers a handle and name for an id; the first ones seen win. */
  learn(id: string, handle: unknown, name: unknown): void {
    this.refs.delete(id);
    const seen = this.known.get(id);
    const h = blank(handle)?.replace(/^@/, '');
    const n = blank(name);
    if (seen === undefined) this.known.set(id, { handle: h, name: n });
    else {
      seen.handle ??= h;
      seen.name ??= n;
    }
  }

  isOwner(id: string | undefined): boolean {
    return id !== undefined && id === this.ownerId;
  }

  /**
   * The identity of an account, with what is known of it. Without a profile URL it is made
   * once per account (a million messages name twenty thousand people): treat it as read-only.
   */
  ref(id: string, profileUrl?: string): IdentityRef {
    if (profileUrl !== undefined) return this.makeRef(id, profileUrl);
    let ref = this.refs.get(id);
    if (ref === undefined) {
      ref = this.makeRef(id, undefined);
      this.refs.set(id, ref);
    }
    return ref;
  }

  private makeRef(id: string, profileUrl: string | undefined): IdentityRef {
    const known = this.known.get(id);
    return {
      network: 'twitter',
      key: id,
      externalId: id,
      handle: known?.handle,
      displayName: known?.name ?? (known?.handle ? `@${known.handle}` : undefined),
      profileUrl: blank(profileUrl) ?? `https://twitter.com/intent/user?user_id=${id}`,
    };
  }

  /** A name to show for an account known only by its id. */
  displayName(id: string): string {
    const known = this.known.get(id);
    return known?.name ?? (known?.handle ? `@${known.handle}` : `Twitter account ${id}`);
  }

  /** The owner record, once the owner's id is known (from account.js, manifest.js or user_details.js). */
  owner(file: string, id: string, handle: unknown, name: unknown): OwnerRecord {
    this.ownerId = id;
    this.learn(id, handle, name);
    const ref = this.ref(id);
    return {
      type: 'owner',
      file,
      identities: [ref],
      person: { displayName: this.displayName(id) },
    };
  }
}
