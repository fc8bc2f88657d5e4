import { asciiName, fold, gaiaId, twitterAccountId, uniqueHandle } from './cast-identities.js';
import type { CastKind, CastMember } from './cast-types.js';
import { makePerson, type SamplePerson } from './people.js';
import type { Random } from './random.js';

/** Kinds of people off LinkedIn, dealt round-robin after the decoy and the WhatsApp friend. */
const OUTSIDE: readonly CastKind[] = ['facebook', 'twitter', 'email', 'instagram', 'skype', 'hangouts'];

/**
 * The humans who never were LinkedIn connections. Every name is new to the cast (so name-only
 * networks never confuse two of them) except the decoy's, which copies `target`'s on purpose.
 */
export function makeOthers(
  rng: Random,
  seed: number,
  count: number,
  target: CastMember,
  names: Map<string, number>,
  workEmail: (p: SamplePerson) => string,
): CastMember[] {
  const kinds: CastKind[] = ['decoy', 'whatsapp-friend'];
  for (let i = 0; kinds.length < count; i++) kinds.push(OUTSIDE[i % OUTSIDE.length] as CastKind);
  return kinds.map((kind) => {
    let person = makePerson(rng, seed, 0, 'quiet', 'contact');
    if (kind === 'decoy') {
      const { firstName, lastName, name } = target.person;
      person = { ...person, firstName, lastName, name };
    } else {
      while (names.has(fold(person.name))) person = makePerson(rng, seed, 0, 'quiet', 'contact');
      names.set(fold(person.name), 1);
    }
    person.url = '';
    person.email = '';
    const member: CastMember = { key: '', kind, person, facebook: false, nameOnly: [] };
    if (kind === 'decoy' || kind === 'facebook') member.facebook = true;
    if (kind === 'whatsapp-friend') member.whatsapp = 'name';
    if (kind === 'email') {
      member.email = workEmail(person);
      member.card = 'email';
    }
    return member;
  });
}

/** Twitter, Instagram, Skype and Google ids for the people who use those networks. */
export function assignHandles(rng: Random, seed: number, members: CastMember[]): void {
  const used = { twitter: new Set<string>(), instagram: new Set<string>(), skype: new Set<string>() };
  let slot = 1;
  for (const m of members) {
    const first = asciiName(m.person.firstName);
    const last = asciiName(m.person.lastName);
    if (m.kind === 'twitter') {
      const base = rng.pick([`${first}${last}`, `${first}_${last}`, `${first[0]}${last}`, `${first}_writes`]);
      m.twitter = { id: twitterAccountId(seed, slot), handle: uniqueHandle(base, 15, used.twitter) };
    }
    if (m.kind === 'instagram') {
      const base = rng.pick([`${first}_${last}`, `${first}${last}`, `${first}_${asciiName(m.person.city)}`]);
      m.instagram = uniqueHandle(base, 30, used.instagram);
    }
    if (m.kind === 'skype') {
      // New Microsoft accounts got `live:` ids; classic Skype names are bare.
      const base = rng.chance(0.5) ? `live:${first}.${last}` : `${first}.${last}${rng.int(10, 99)}`;
      m.skype = uniqueHandle(base, 32, used.skype);
    }
    if (m.kind === 'hangouts') m.google = gaiaId(seed, slot);
    slot++;
  }
}
