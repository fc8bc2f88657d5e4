/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};

/**
 * The key names and companies sort by (and the people list searches by), the same in both databases: lower case without accents
 * ("Łukasz" next to "Lucas", not after "Zoë"), compared code point by code point (SQLite's
 * BINARY, PostgreSQL's "C" collation on the key columns). Blank text has no key: it sorts last.
 */
export function textSortKey(text: string | null): string | null {
  if (text === null) return null;
  const key = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđðħıßæœþ]/g, (c) => FOLDS[c]!)
    .trim();
  return key === '' ? null : key;
}

/** Between fields in the search text, so that a search never matches across two of them. */
const FIELD_SEPARATOR = '\u001f';

/** What the people list sorts and searches a person by, stored with their evaluation. */
export function listKeys(person: { display_name: string; company: string | null; title: string | null }): {
  name_key: string | null;
  company_key: string | null;
  search_text: string;
} {
  const fields = [person.display_name, person.company, person.title].map(textSortKey);
  return {
    name_key: fields[0]!,
    company_key: fields[1]!,
    search_text: fields.filter((f) => f !== null).join(FIELD_SEPARATOR),
  };
}

/** A search as it is matched against the search text: folded alike, no control characters. */
export function searchNeedle(text: string): string | null {
  return textSortKey(text.replace(/\p{Cc}/gu, ' '));
}
