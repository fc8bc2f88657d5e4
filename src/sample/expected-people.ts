import type { CastMember, CastOwner, IdentityField } from './cast-types.js';

/** One human of the cast with every identity the written files show for them. */
export interface ExpectedPerson {
  /** Stable id of the human in the cast (`person-007`, `owner`). */
  key: string;
  displayName: string;
  /** Lower-case addresses. */
  emails: string[];
  /** E.164. */
  phones: string[];
  /** The lower-case member slug of the LinkedIn profile URL. */
  linkedinSlug?: string;
  twitterId?: string;
  twitterHandle?: string;
  facebookName?: string;
  instagramUser?: string;
  /** As Skype writes it without the `8:` prefix, lower case (`live:ada.l`). */
  skypeId?: string;
  /** The Google account (gaia) id Hangouts shows. */
  googleId?: string;
  /** The name WhatsApp shows (people it shows by phone number have their number in `phones`). */
  whatsappName?: string;
  /**
   * Identities tied to the rest of this human only by an equal name (and sometimes company):
   * resolution should suggest merging them, never merge them on its own. Absent when none.
   */
  nameOnly?: IdentityField[];
}

const slugOf = (url: string) => url.slice(url.indexOf('/in/') + 4).toLowerCase();

/** Drops the fields that are undefined, so expectations compare with toEqual. */
function compact(person: ExpectedPerson): ExpectedPerson {
  return Object.fromEntries(Object.entries(person).filter(([, v]) => v !== undefined)) as ExpectedPerson;
}

/** What resolution must find for one cast member. */
export function expectedPerson(m: CastMember): ExpectedPerson {
  const emails = [...new Set([m.email, m.person.email].filter((e): e is string => !!e))];
  return compact({
    key: m.key,
    displayName: m.person.name,
    emails,
    phones: m.phone ? [m.phone.e164] : [],
    linkedinSlug: m.person.url ? slugOf(m.person.url) : undefined,
    twitterId: m.twitter?.id,
    twitterHandle: m.twitter?.handle,
    facebookName: m.facebook ? m.person.name : undefined,
    instagramUser: m.instagram,
    skypeId: m.skype,
    googleId: m.google,
    whatsappName: m.whatsapp === 'name' ? m.person.name : undefined,
    nameOnly: m.nameOnly.length > 0 ? [...m.nameOnly] : undefined,
  });
}

/** The owner as every source shows them; never a contact. */
export function expectedOwner(owner: CastOwner): ExpectedPerson {
  return {
    key: 'owner',
    displayName: owner.name,
    emails: [owner.email],
    phones: [owner.phone.e164],
    linkedinSlug: slugOf(owner.url),
    twitterId: owner.twitter.id,
    twitterHandle: owner.twitter.handle,
    facebookName: owner.name,
    instagramUser: owner.instagram,
    skypeId: owner.skype,
    googleId: owner.google,
    whatsappName: owner.name,
  };
}
