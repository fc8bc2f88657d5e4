import { RapportError } from '../errors.js';
import {
  asciiName,
  berlinPhone,
  companyDomain,
  fold,
  gaiaId,
  twitterAccountId,
  uniqueAddress,
} from './cast-identities.js';
import { assignHandles, makeOthers } from './cast-others.js';
import type { Cast, CastKind, CastMember, CastOwner } from './cast-types.js';
import type { Owner } from './export-files.js';
import { invitationCount } from './invitations.js';
import { planLinkedInExport } from './linkedin-export.generator.js';
import type { SamplePerson } from './people.js';
import type { Persona } from './personas.js';
import { Random } from './random.js';

/** The smallest cast that holds every kind of cross-link. */
export const MIN_PEOPLE = 24;

const PREFERENCE: readonly Persona[] = [
  'met_often',
  'email_then_silent',
  'stuck_online',
  'dormant',
  'new_connection',
  'quiet',
  'one_way',
];

/** Splits `people` humans into LinkedIn connections, pending invitations and everyone else. */
function sizes(people: number): { connections: number; others: number } {
  const outside = Math.max(8, Math.round(people * 0.3));
  let connections = people - outside;
  while (connections + invitationCount(connections) > people - outside) connections--;
  return { connections, others: people - connections - invitationCount(connections) };
}

/** The cast of `people` humans for a seed: who they are, where they appear, which ids they hold. */
export function buildCast(seed: number, people: number, now: number, scale: number): Cast {
  const { connections, others } = sizes(people);
  const messages = Math.max(1, Math.round(connections * 8 * scale));
  const linkedin = planLinkedInExport({ seed, connections, messages, now });
  const rng = Random.fork(seed, 0xca57);
  const names = new Map<string, number>();
  const everyone = [...linkedin.people, ...linkedin.invitations.map((i) => i.other)];
  for (const p of everyone) names.set(fold(p.name), (names.get(fold(p.name)) ?? 0) + 1);
  const members: CastMember[] = everyone.map((person, i) => {
    // Invitations.csv has no email column: a pending invitation's address is written nowhere.
    const shown = i < connections ? person : { ...person, email: '' };
    const kind: CastKind = i >= connections ? 'invitation' : person.email ? 'linkedin-email' : 'linkedin';
    return { key: '', kind, person: shown, email: shown.email || undefined, facebook: false, nameOnly: [] };
  });

  const free = members
    .slice(0, connections)
    .filter((m) => m.person.flavor === 'contact' && names.get(fold(m.person.name)) === 1)
    .sort((a, b) => rank(a) - rank(b));
  const take = (kind: CastKind, count: number, fits: (m: CastMember) => boolean = () => true) => {
    const chosen = [...new Set([...free.filter(fits), ...free])].slice(0, count);
    if (chosen.length < count)
      throw new RapportError('input.invalid', `A cast of ${people} people is too small for every role.`, {
        people,
        minimum: MIN_PEOPLE,
      });
    for (const m of chosen) {
      free.splice(free.indexOf(m), 1);
      m.kind = kind;
    }
    return chosen;
  };
  const clients = take('client', Math.max(4, Math.round(connections * 0.1)));
  const hangouts = take('likely-hangouts', 1, (m) => m.person.persona === 'dormant');
  const company = take('likely-company', 1, (m) => companyDomain(m.person.company) !== 'mail.example');
  const facebook = take('likely-facebook', 2);
  const [target] = take('decoy-target', 1);

  const used = new Set(everyone.map((p) => p.email).filter(Boolean));
  used.add(linkedin.owner.email);
  const workEmail = (p: SamplePerson) =>
    uniqueAddress(`${asciiName(p.firstName)}.${asciiName(p.lastName)}`, companyDomain(p.company), used);
  clients.forEach((m, i) => {
    m.email = workEmail(m.person);
    m.card = 'full';
    if (i < 3) {
      m.phone = berlinPhone(seed, i);
      m.whatsapp = 'phone';
    }
  });
  for (const m of company) {
    m.email = workEmail(m.person);
    m.card = 'no-url';
    m.nameOnly = ['linkedinSlug'];
  }
  for (const m of facebook) {
    m.facebook = true;
    m.nameOnly = ['facebookName'];
  }
  for (const m of hangouts) {
    m.google = gaiaId(seed, 0);
    m.nameOnly = ['googleId'];
  }
  members.push(...makeOthers(rng, seed, others, target as CastMember, names, workEmail));
  assignHandles(rng, seed, members);
  members.forEach((m, i) => {
    m.key = `person-${String(i + 1).padStart(3, '0')}`;
  });
  return { owner: castOwner(linkedin.owner, seed), members, linkedin, connections, messages };
}

function rank(m: CastMember): number {
  const i = PREFERENCE.indexOf(m.person.persona);
  return i === -1 ? PREFERENCE.length : i;
}

function castOwner(owner: Owner, seed: number): CastOwner {
  return {
    ...owner,
    // The number LinkedIn's PhoneNumbers.csv lists for the owner.
    phone: {
      e164: '+15125550142',
      international: '+1 512 555 0142',
      national: '(512) 555-0142',
      dashed: '512-555-0142',
    },
    twitter: { id: twitterAccountId(seed, 0), handle: 'morgan_sells' },
    instagram: 'morgan.avery.atx',
    skype: 'live:morgan.avery',
    google: gaiaId(seed, 0xffffffff),
  };
}
