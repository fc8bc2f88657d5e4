import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { detach } from '../identity-keys.js';
import type { IdentityRef } from '../types.js';

/**
 * Skype's ids ("MRIs") carry a type prefix: `8:` a Skype user (`8:live:ada`, `8:ada`), `4:` a
 * phone number reached through Skype, `28:` a bot, `19:` a group thread. Keys drop the user
 * prefix and are lower-cased, so `8:live:Ada` and `live:ada` (as call notices write it) match.
 */
export function skypeKey(mri: string): string {
  return mri.trim().replace(/^8:/, '').toLowerCase();
}

/** True for bots and system accounts, which are not people. */
export function isBot(mri: string): boolean {
  return /^28:/.test(mri.trim());
}

/** True for group conversations (`19:…@thread.skype`, `19:…@thread.v2`). */
export function isGroupThread(conversationId: string): boolean {
  return conversationId.startsWith('19:');
}

/** The identity behind an MRI: a Skype account, or a phone number for `4:+…`; undefined when blank. */
export function skypeIdentity(mri: string, displayName: string | undefined): IdentityRef | undefined {
  const id = mri.trim();
  const name = displayName?.trim() || undefined;
  if (id.startsWith('4:')) {
    const phone = parsePhoneNumberFromString(id.slice(2).startsWith('+') ? id.slice(2) : `+${id.slice(2)}`);
    if (phone?.isValid()) return { network: 'phone', key: phone.number, displayName: name && detach(name) };
  }
  const key = skypeKey(id);
  if (key === '') return undefined;
  return { network: 'skype', key: detach(key), handle: detach(key), displayName: name && detach(name) };
}
