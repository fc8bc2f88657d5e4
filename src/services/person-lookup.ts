import { RapportError } from '../errors.js';
import type { Executor } from '../store/bulk-writer.js';
import { peopleRepository } from '../store/people.repository.js';
import type { PersonRow } from '../store/schema.js';

/**
 * Finds the one person a user means: `#12` or `12` by id, else by name: the exact name wins,
 * then whole words ("ada" is Ada Lovelace, not Adam), then any part of the name. Throws person.not_found, or person.ambiguous listing the candidates.
 */
export async function findPerson(db: Executor, query: string): Promise<PersonRow> {
  const text = query.trim();
  if (!text)
    throw new RapportError(
      'input.invalid',
      'Name a person, by name or by id (for example "Ada Lovelace" or #12).',
    );
  const id = /^#?(\d+)$/.exec(text)?.[1];
  if (id !== undefined) {
    const person = await peopleRepository.get(db, Number(id));
    if (person && !person.is_owner) return person;
  }
  const matches = await peopleRepository.searchByName(db, text);
  const folded = text.toLowerCase();
  const exact = matches.filter((p) => p.display_name.toLowerCase() === folded);
  const words = matches.filter((p) => containsWords(p.display_name.toLowerCase(), folded));
  const candidates = exact.length > 0 ? exact : words.length > 0 ? words : matches;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    throw new RapportError(
      'person.not_found',
      `No one called "${text}" in your book. Try part of the name, or list people with: rapport people --search "${text}".`,
      { query: text },
    );
  }
  const shown = candidates
    .slice(0, 10)
    .map((p) => `#${p.id} ${p.display_name}${p.company ? ` (${p.company})` : ''}`);
  throw new RapportError(
    'person.ambiguous',
    `"${text}" matches ${candidates.length} people: ${shown.join(', ')}${candidates.length > 10 ? ', …' : ''}. Use the id, e.g. #${candidates[0]!.id}.`,
    {
      query: text,
      candidates: candidates
        .slice(0, 10)
        .map((p) => ({ id: p.id, name: p.display_name, company: p.company })),
    },
  );
}

function containsWords(name: string, words: string): boolean {
  const at = name.indexOf(words);
  if (at < 0) return false;
  const before = at === 0 ? ' ' : name[at - 1]!;
  const after = name[at + words.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}
