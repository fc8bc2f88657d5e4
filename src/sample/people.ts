import {
  BUYER_TITLES,
  CITIES,
  COMPANIES,
  FIRST_NAMES,
  LAST_NAMES,
  RECRUITER_TITLES,
  SPAM_COMPANIES,
  SPAMMER_TITLES,
} from './names.js';
import type { Persona } from './personas.js';
import { permute32, type Random } from './random.js';

export type Flavor = 'contact' | 'recruiter' | 'spammer';

export interface SamplePerson {
  firstName: string;
  lastName: string;
  name: string;
  url: string;
  email: string;
  company: string;
  position: string;
  city: string;
  persona: Persona;
  flavor: Flavor;
}

/** The first person of a persona gets a fixed name, so the demo always shows non-ASCII names. */
const SHOWCASE: Partial<Record<Persona, [string, string]>> = {
  stuck_online: ['José', 'Núñez'],
  met_often: ['Zoë', 'Adeyemi'],
  dormant: ['Łukasz', 'Wiśniewski'],
  one_way: ['Siobhán', "O'Brien"],
};

const FOLD: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', đ: 'd', ı: 'i', œ: 'oe' };

/** A LinkedIn-style vanity slug: ASCII, lower case, words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łøßæđıœ]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `https://www.linkedin.com/in/<slug>-<hex>`; the hex is a bijection of `slot`, so URLs never collide. */
export function profileUrl(firstName: string, lastName: string, slot: number, seed: number): string {
  const hex = permute32(slot, seed >>> 0)
    .toString(16)
    .padStart(8, '0');
  return `https://www.linkedin.com/in/${slugify(`${firstName} ${lastName}`)}-${hex}`;
}

/** A fictional person with a name, profile URL and job; `slot` must be unique within one export. */
export function makePerson(
  rng: Random,
  seed: number,
  slot: number,
  persona: Persona,
  flavor: Flavor,
): SamplePerson {
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  return withName(rng, seed, slot, persona, flavor, firstName, lastName);
}

function withName(
  rng: Random,
  seed: number,
  slot: number,
  persona: Persona,
  flavor: Flavor,
  firstName: string,
  lastName: string,
): SamplePerson {
  let company: string = rng.pick(COMPANIES);
  let position: string = rng.pick(BUYER_TITLES);
  if (flavor === 'recruiter') position = rng.pick(RECRUITER_TITLES);
  if (flavor === 'spammer') {
    company = rng.pick(SPAM_COMPANIES);
    position = rng.pick(SPAMMER_TITLES);
  }
  // Real exports hold a few rows with no job at all (hidden or empty profiles).
  if (rng.chance(0.03)) {
    company = '';
    position = '';
  }
  // Most members hide their email from connections, so the column is mostly blank.
  const email = rng.chance(0.06) ? `${slugify(firstName)}.${slugify(lastName)}@example.com` : '';
  const url = profileUrl(firstName, lastName, slot, seed);
  const city = rng.pick(CITIES);
  return {
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    url,
    email,
    company,
    position,
    city,
    persona,
    flavor,
  };
}

/**
 * One person per persona entry; the first two inbound-only people are spammers (they carry the
 * hostile HTML). Namesakes who both show an email get distinct ones (`ana.silva2@…`), since two
 * members never share an address.
 */
export function buildPeople(personas: readonly Persona[], rng: Random, seed: number): SamplePerson[] {
  const seen = new Set<Persona>();
  const emails = new Set<string>();
  let inbound = 0;
  return personas.map((persona, i) => {
    let flavor: Flavor = 'contact';
    if (persona === 'inbound_only') {
      flavor = inbound < 2 || rng.chance(0.4) ? 'spammer' : 'recruiter';
      inbound++;
    }
    const showcase = seen.has(persona) ? undefined : SHOWCASE[persona];
    seen.add(persona);
    const person = showcase
      ? withName(rng, seed, i + 1, persona, flavor, showcase[0], showcase[1])
      : makePerson(rng, seed, i + 1, persona, flavor);
    if (person.email) person.email = uniqueEmail(person.email, emails);
    return person;
  });
}

function uniqueEmail(email: string, used: Set<string>): string {
  const at = email.indexOf('@');
  let candidate = email;
  for (let n = 2; used.has(candidate); n++) candidate = `${email.slice(0, at)}${n}${email.slice(at)}`;
  used.add(candidate);
  return candidate;
}
