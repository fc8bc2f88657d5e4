import { folderStem, isDeletedAccount } from '../facebook/messenger-owner.js';
import type { ThreadPeople } from '../facebook/messenger-thread.parser.js';
import type { MessengerThread } from '../facebook/meta-export.js';
import { detach, nameKey } from '../identity-keys.js';
import type { IdentityRef } from '../types.js';

const USERNAME = /^[a-z0-9._]{1,30}$/i;

/** A username from a profile link: `https://www.instagram.com/_u/ada.l` → `ada.l`. */
export function usernameFromHref(href: string | undefined): string | undefined {
  const match = /instagram\.com\/(?:_u\/)?([A-Za-z0-9._]{1,30})\/?(?:[?#]|$)/.exec(href ?? '');
  return match?.[1];
}

/**
 * Instagram people. The identity key is the lower-cased username wherever the export gives
 * one: followers and followings, the owner's profile, and a one-to-one thread's folder
 * (`<username>_<id>`). Messages only show display names; a display name that is a known
 * username (people without a display name) is that username; any other is `name:<folded>`.
 */
export class InstagramPeople implements ThreadPeople {
  readonly network = 'instagram' as const;
  private readonly usernames = new Set<string>();

  /** Remembers a username seen in followers or followings. */
  know(username: string): void {
    this.usernames.add(username.toLowerCase());
  }

  /** The identity of a username, with a display name when one is known. */
  ref(username: string, displayName?: string): IdentityRef {
    const handle = detach(username.trim());
    return {
      network: 'instagram',
      key: handle.toLowerCase(),
      handle,
      displayName: displayName ?? handle,
      profileUrl: `https://www.instagram.com/${handle}`,
    };
  }

  /** The identity of someone known only by the name a message shows. */
  byName(name: string): IdentityRef | undefined {
    if (isDeletedAccount(name)) return undefined;
    if (this.usernames.has(name.toLowerCase()) && USERNAME.test(name)) return this.ref(name);
    const key = nameKey(name);
    return key === undefined ? undefined : { network: 'instagram', key, displayName: name };
  }

  /** A one-to-one thread folder's username, when the folder has Meta's id suffix. */
  threadUsername(thread: MessengerThread): string | undefined {
    const stem = folderStem(thread.name);
    return stem !== thread.name && USERNAME.test(stem) && stem.toLowerCase() !== 'instagramuser'
      ? stem
      : undefined;
  }

  refs(thread: MessengerThread, others: readonly string[]) {
    const username = others.length === 1 ? this.threadUsername(thread) : undefined;
    if (username !== undefined) {
      const ref = this.ref(username, others[0]);
      return { others: [ref], refOf: (name: string) => (isDeletedAccount(name) ? undefined : ref) };
    }
    return {
      others: others.map((name) => this.byName(name)).filter((ref) => ref !== undefined),
      refOf: (name: string) => this.byName(name),
    };
  }
}
