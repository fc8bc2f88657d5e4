import { foldName } from '../identity-keys.js';

/**
 * Finds the owner of a messages.csv read without Profile.csv, Invitations.csv or a Direction
 * column: the owner takes part in every message, so the one name common to all rows is theirs.
 * Rows are held back (up to `limit`) until one name is left; past the limit, or at the end of
 * the file, the first remaining candidate is taken (a file with one conversation is ambiguous).
 */
export class OwnerGuess {
  private candidates: Map<string, string> | undefined;

  /** Narrows the candidates with the names of one row. True when exactly one is left. */
  add(names: readonly string[]): boolean {
    const row = new Map<string, string>();
    for (const name of names) {
      const folded = foldName(name);
      if (folded !== '' && !row.has(folded)) row.set(folded, name.trim());
    }
    if (this.candidates === undefined) this.candidates = row;
    else for (const key of this.candidates.keys()) if (!row.has(key)) this.candidates.delete(key);
    return this.candidates.size === 1;
  }

  /** The best guess so far (the name as written), or undefined when no name is common to all rows. */
  best(): string | undefined {
    if (this.candidates === undefined) return undefined;
    for (const name of this.candidates.values()) return name;
    return undefined;
  }
}
