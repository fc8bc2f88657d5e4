import type { PersonFacts } from '../importers/types.js';

/** The stored facts about a person that an import may fill in or refresh. */
export interface StoredFacts {
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  location: string | null;
}

const REFRESHED = ['company', 'title', 'location'] as const;

/**
 * What to change when an export tells us about a known person: names fill only blanks
 * (a name the user may have fixed stays), while company, title and location take the
 * export's value, since people change jobs and the newest export knows best.
 */
export function factsPatch(stored: StoredFacts, incoming: PersonFacts): Partial<StoredFacts> {
  const patch: Partial<StoredFacts> = {};
  if (!stored.first_name && incoming.firstName) patch.first_name = incoming.firstName;
  if (!stored.last_name && incoming.lastName) patch.last_name = incoming.lastName;
  for (const field of REFRESHED) {
    const value = incoming[field]?.trim();
    if (value && value !== stored[field]) patch[field] = value;
  }
  return patch;
}

/** A display name for an identity that has nothing better than its key. */
export function fallbackDisplayName(key: string, displayName?: string): string {
  const name = displayName?.trim();
  if (name) return name;
  return key.startsWith('name:') ? key.slice(5) : key;
}
