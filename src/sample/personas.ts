import type { Random } from './random.js';

/** The history patterns a connection can follow; see histories.ts for what each one means. */
export const PERSONAS = [
  'stuck_online',
  'met_often',
  'dormant',
  'one_way',
  'inbound_only',
  'email_then_silent',
  'new_connection',
  'quiet',
] as const;
export type Persona = (typeof PERSONAS)[number];

/**
 * Share of all connections per persona; quiet connections take the rest, as in real networks
 * where most connections were never messaged. Sized so ~150 connections give a lively demo
 * (≥ 8 stuck online, ≥ 5 met often, ≥ 6 dormant) and scale linearly beyond.
 */
export const PERSONA_SHARES: Readonly<Record<Exclude<Persona, 'quiet'>, number>> = {
  stuck_online: 0.07,
  met_often: 0.05,
  dormant: 0.06,
  one_way: 0.05,
  inbound_only: 0.05,
  email_then_silent: 0.03,
  new_connection: 0.02,
};

/** When messages run short, personas are dropped to quiet from the end of this list first. */
export const KEEP_ORDER: readonly Persona[] = [
  'stuck_online',
  'met_often',
  'dormant',
  'one_way',
  'inbound_only',
  'email_then_silent',
  'new_connection',
];

/** How many connections get each persona. */
export function personaCounts(connections: number): Record<Persona, number> {
  const counts = Object.fromEntries(PERSONAS.map((p) => [p, 0])) as Record<Persona, number>;
  let left = connections;
  for (const persona of KEEP_ORDER) {
    const share = PERSONA_SHARES[persona as Exclude<Persona, 'quiet'>];
    const n = Math.min(left, Math.round(connections * share));
    counts[persona] = n;
    left -= n;
  }
  counts.quiet = left;
  return counts;
}

/** One persona per connection index, in seeded random order. */
export function assignPersonas(connections: number, rng: Random): Persona[] {
  const out: Persona[] = [];
  const counts = personaCounts(connections);
  for (const persona of PERSONAS) for (let i = 0; i < counts[persona]; i++) out.push(persona);
  return rng.shuffle(out);
}

/** Whether inbound-only people of this persona are recruiters or spammers is decided per person. */
export type InboundFlavor = 'recruiter' | 'spammer';
