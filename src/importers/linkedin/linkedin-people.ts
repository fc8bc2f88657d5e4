import { detach, foldName, linkedinSlug, nameKey } from '../identity-keys.js';
import type { IdentityRef, OwnerRecord, PersonFacts } from '../types.js';

/** Caches are dropped past this many entries, to keep memory flat on huge exports. */
const CACHE_LIMIT = 200_000;

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(detach(key), value);
  return value;
}

/** What is known about one profile URL: found with one Map lookup however often a row asks. */
interface UrlFacts {
  slug: string | undefined;
  ref: IdentityRef | undefined;
  /** The owner's version when `owner` was worked out, and the name it was worked out with. */
  version: number;
  name: string;
  owner: boolean;
  /** The owner's version when learning from this URL and `name` last taught nothing. */
  learnt: number;
}

/**
 * LinkedIn identities by profile URL or name, built once per person and shared between
 * records (read-only): a million messages among 30,000 people make 30,000 objects, not a million.
 */
export class LinkedInPeople {
  private readonly byUrl = new Map<string, UrlFacts>();
  private readonly byName = new Map<string, IdentityRef | null>();
  // The last two URLs looked up: a conversation's rows alternate between the same two, and
  // comparing strings is cheaper than hashing a fresh one for the Map.
  private lastUrl = '';
  private lastFacts: UrlFacts | undefined;
  private otherUrl = '';
  private otherFacts: UrlFacts | undefined;

  /** The facts of a (non-empty) URL. */
  facts(url: string): UrlFacts {
    if (url === this.lastUrl && this.lastFacts !== undefined) return this.lastFacts;
    let facts: UrlFacts | undefined;
    if (url === this.otherUrl && this.otherFacts !== undefined) facts = this.otherFacts;
    else {
      facts = this.byUrl.get(url);
      if (facts === undefined) {
        const slug = linkedinSlug(url);
        const fresh: UrlFacts = {
          slug: slug && detach(slug),
          ref: undefined,
          version: -1,
          name: '',
          owner: false,
          learnt: -1,
        };
        facts = remember(this.byUrl, url, fresh);
      }
    }
    this.otherUrl = this.lastUrl;
    this.otherFacts = this.lastFacts;
    this.lastUrl = url;
    this.lastFacts = facts;
    return facts;
  }

  /** The identity for a name and/or profile URL (the URL wins); undefined when both are blank. */
  ref(name: string, url: string): IdentityRef | undefined {
    if (url !== '') {
      const facts = this.facts(url);
      if (facts.slug !== undefined) {
        if (facts.ref === undefined || (facts.ref.displayName === undefined && name !== '')) {
          const displayName = name.trim();
          facts.ref = {
            network: 'linkedin',
            key: facts.slug,
            profileUrl: detach(url.trim()),
            displayName: displayName ? detach(displayName) : undefined,
          };
        }
        return facts.ref;
      }
    }
    if (name === '') return undefined;
    let found = this.byName.get(name);
    if (found === undefined) {
      const key = nameKey(name);
      found = remember(
        this.byName,
        name,
        key === undefined ? null : { network: 'linkedin', key, displayName: detach(name.trim()) },
      );
    }
    return found ?? undefined;
  }

  /** The profile slug of a URL, or undefined when it is not a LinkedIn profile URL. */
  slug(url: string): string | undefined {
    return url === '' ? undefined : this.facts(url).slug;
  }
}

/**
 * Who "me" is: names from Profile.csv, and profile URLs learned from rows where the owner is
 * the sender (or the only recipient). A row is the owner's when its URL or its name is theirs.
 */
export class LinkedInOwner {
  private readonly names = new Set<string>();
  private readonly slugs = new Map<string, string>();
  private readonly nameCache = new Map<string, boolean>();
  /** Bumped whenever the owner gains an identity, so cached answers are worked out again. */
  private version = 0;
  private person: PersonFacts | undefined;
  private firstName: string | undefined;
  /** The owner's own email addresses and phone numbers (Email Addresses.csv, PhoneNumbers.csv). */
  private readonly contacts = new Map<string, IdentityRef>();

  constructor(private readonly people: LinkedInPeople) {}

  /** Whether a profile URL of the owner is known. */
  get hasUrl(): boolean {
    return this.slugs.size > 0;
  }

  get known(): boolean {
    return this.names.size > 0 || this.slugs.size > 0;
  }

  /** Sets the owner's facts (from Profile.csv) and their name. */
  setPerson(person: PersonFacts): void {
    this.person = person;
    this.addName(person.displayName);
  }

  isOwnerName(name: string): boolean {
    if (name === '' || this.names.size === 0) return false;
    let hit = this.nameCache.get(name);
    if (hit === undefined) hit = remember(this.nameCache, name, this.names.has(foldName(name)));
    return hit;
  }

  /**
   * Whether this name/URL pair is the owner: a known profile URL, or the owner's name (the
   * same member may appear under several URL forms, so a new URL does not rule the name out).
   */
  isOwner(name: string, url: string): boolean {
    if (url === '') return this.isOwnerName(name);
    const facts = this.people.facts(url);
    if (facts.version === this.version && facts.name === name) return facts.owner;
    facts.owner = (facts.slug !== undefined && this.slugs.has(facts.slug)) || this.isOwnerName(name);
    facts.version = this.version;
    facts.name = detach(name);
    return facts.owner;
  }

  /**
   * Notes a name/URL pair known to be the owner. True when it taught something new (a URL or
   * another spelling of the name), so the caller can emit an updated owner record.
   */
  learn(name: string, url: string): boolean {
    const facts = url === '' ? undefined : this.people.facts(url);
    if (facts !== undefined && facts.learnt === this.version && facts.name === name) return false;
    let learned = false;
    const slug = facts?.slug;
    if (slug !== undefined && !this.slugs.has(slug)) {
      this.slugs.set(slug, detach(url.trim()));
      learned = true;
    }
    if (name.trim() !== '' && !this.isOwnerName(name)) {
      this.addName(name);
      learned = true;
    }
    if (learned) this.version++;
    else if (facts !== undefined && facts.version === this.version && facts.name === name)
      facts.learnt = this.version;
    return learned;
  }

  /** Adds the owner's own addresses or numbers; true when any was new. */
  addIdentities(refs: readonly IdentityRef[]): boolean {
    let added = false;
    for (const ref of refs) {
      const key = `${ref.network}\u0000${ref.key}`;
      if (this.contacts.has(key)) continue;
      this.contacts.set(key, ref);
      added = true;
    }
    return added;
  }

  /** The owner as a record, with every identity known so far. */
  record(file: string, line: number | undefined): OwnerRecord {
    const identities: IdentityRef[] = [];
    const displayName = this.person?.displayName ?? this.firstName ?? [...this.slugs.keys()][0] ?? 'me';
    for (const name of this.names) identities.push({ network: 'linkedin', key: `name:${name}`, displayName });
    for (const [slug, profileUrl] of this.slugs)
      identities.push({ network: 'linkedin', key: slug, profileUrl, displayName });
    for (const ref of this.contacts.values()) identities.push({ ...ref, displayName });
    return { type: 'owner', file, line, identities, person: this.person ?? { displayName } };
  }

  private addName(name: string): void {
    const key = nameKey(name);
    if (key === undefined) return;
    this.firstName ??= detach(name.trim());
    this.names.add(detach(key.slice(5)));
    this.nameCache.clear();
    this.version++;
  }
}
