import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { emailKey, linkedinSlug } from '../identity-keys.js';
import type { IdentityRef } from '../types.js';

/** Paths of twitter.com / x.com that are pages, not accounts. */
const TWITTER_PAGES = new Set([
  'home',
  'share',
  'intent',
  'i',
  'search',
  'hashtag',
  'settings',
  'explore',
  'messages',
]);
const TWITTER_URL =
  /^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:twitter|x)\.com\/@?([A-Za-z0-9_]{1,15})(?:[/?#]|$)/i;

/**
 * The Twitter/X identity in a profile URL (`twitter.com/<handle>`, `x.com/<handle>`) or a bare
 * `@handle`. KEY RULE: a Twitter identity from contacts is keyed by the lower-cased handle
 * without `@` (`{network:'twitter', key:'ada_l', handle:'Ada_L'}`), since contacts never hold
 * the numeric account id; an importer that keys Twitter accounts by id must add the handle
 * key too for the two to meet.
 */
export function twitterIdentity(raw: string): IdentityRef | undefined {
  const text = raw.trim();
  const bare = /^@([A-Za-z0-9_]{1,15})$/.exec(text);
  const handle = bare?.[1] ?? TWITTER_URL.exec(text)?.[1];
  if (handle === undefined || TWITTER_PAGES.has(handle.toLowerCase())) return undefined;
  return { network: 'twitter', key: handle.toLowerCase(), handle, profileUrl: bare ? undefined : text };
}

/** What an address book entry is known by, gathered field by field, with notes on what could not be used. */
export class IdentityList {
  readonly identities: IdentityRef[] = [];
  readonly notes: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly defaultRegion: CountryCode | undefined) {}

  private add(ref: IdentityRef): void {
    const id = `${ref.network}\u0000${ref.key}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.identities.push(ref);
  }

  private note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  email(raw: string): void {
    const value = raw.trim().replace(/^mailto:/i, '');
    if (value === '') return;
    const key = emailKey(value);
    if (key === undefined) this.note(`email ${JSON.stringify(value.slice(0, 60))} is not an address`);
    else this.add({ network: 'email', key });
  }

  /**
   * A phone number in E.164 (`+4930…`) by libphonenumber-js: numbers with a country code
   * (`+49…`, or `00 49…`) read alone; others need the default region. Accepted when the
   * length is possible for the country (fictional 555 numbers pass; "BusinessPhone" does not).
   */
  phone(raw: string): void {
    const value = raw
      .trim()
      .replace(/^tel:/i, '')
      .replace(/;.*$/, '')
      .replace(/^00(?=[1-9])/, '+');
    if (value === '') return;
    const shown = JSON.stringify(value.slice(0, 40));
    let parsed: ReturnType<typeof parsePhoneNumberFromString>;
    try {
      parsed = parsePhoneNumberFromString(
        value,
        this.defaultRegion ? { defaultCountry: this.defaultRegion } : undefined,
      );
    } catch {
      parsed = undefined;
    }
    if (parsed?.isPossible()) this.add({ network: 'phone', key: parsed.number });
    else if ((value.match(/\d/g) ?? []).length < 3) this.note(`phone ${shown} is not a phone number`);
    else if (!value.startsWith('+') && this.defaultRegion === undefined)
      this.note(`phone ${shown} has no country code; give a default region to read it`);
    else
      this.note(
        `phone ${shown} is not a possible number${this.defaultRegion ? ` in ${this.defaultRegion}` : ''}`,
      );
  }

  /** A profile URL: LinkedIn (`/in/<slug>`) and Twitter/X handles become identities; other sites are not people. */
  url(raw: string): void {
    const value = raw.trim();
    if (value === '') return;
    const slug = linkedinSlug(value);
    const found =
      slug !== undefined
        ? { network: 'linkedin' as const, key: slug, profileUrl: value }
        : twitterIdentity(value);
    if (found !== undefined) this.add(found);
  }
}
