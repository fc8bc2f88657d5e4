import type { Phone } from './cast-identities.js';
import type { Owner } from './export-files.js';
import type { LinkedInPlan } from './linkedin-export.generator.js';
import type { SamplePerson } from './people.js';

/**
 * Who is who in the salesperson's life. LinkedIn-side kinds are connections (or pending
 * invitations); the rest never were on LinkedIn and live on one other network each.
 */
export type CastKind =
  | 'client' // email, meetings, contact card with LinkedIn URL, CRM; the first three also a phone
  | 'likely-company' // card and mail with the LinkedIn company but no URL: same name + company
  | 'likely-facebook' // also a Facebook friend, known there by name only
  | 'likely-hangouts' // also an old Hangouts contact, known there by name only
  | 'decoy-target' // shares a name with a different human on Facebook (the decoy)
  | 'linkedin-email' // shows an email on LinkedIn and writes from it
  | 'linkedin'
  | 'invitation'
  | 'decoy'
  | 'facebook'
  | 'instagram'
  | 'twitter'
  | 'skype'
  | 'hangouts'
  | 'whatsapp-friend'
  | 'email';

/** Identity fields of ExpectedPerson that can hang on a human by a shared name alone. */
export type IdentityField =
  | 'linkedinSlug'
  | 'twitterId'
  | 'facebookName'
  | 'instagramUser'
  | 'skypeId'
  | 'googleId'
  | 'whatsappName';

export interface CastMember {
  key: string;
  kind: CastKind;
  /** Name, company and city; `url` is '' for people not on LinkedIn. */
  person: SamplePerson;
  /** The address used in mail, the calendar, the contact card and the CRM. */
  email?: string | undefined;
  phone?: Phone | undefined;
  twitter?: { id: string; handle: string } | undefined;
  facebook: boolean;
  instagram?: string | undefined;
  skype?: string | undefined;
  google?: string | undefined;
  whatsapp?: 'phone' | 'name' | undefined;
  card?: 'full' | 'no-url' | 'email' | undefined;
  nameOnly: IdentityField[];
}

export interface CastOwner extends Owner {
  phone: Phone;
  twitter: { id: string; handle: string };
  instagram: string;
  skype: string;
  google: string;
}

export interface Cast {
  owner: CastOwner;
  members: CastMember[];
  linkedin: LinkedInPlan;
  connections: number;
  messages: number;
}

/** One written file, and how many records an importer should find in it. */
export interface SourceFile {
  source: string;
  path: string;
  records: number;
}

/** What every source writer reads. */
export interface LifeContext {
  cast: Cast;
  seed: number;
  now: number;
  /** Multiplies message counts. */
  scale: number;
  dir: string;
}
