import type { ImportRecord } from '../types.js';
import type { IdentityList } from './contact-identities.js';

/** What a card or row says about a person, before it becomes a record. */
export interface ContactDraft {
  file: string;
  line: number;
  ids: IdentityList;
  fullName?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  /** Other names to show when there is no full or first/last name (nickname…). */
  names: string[];
  company?: string | undefined;
  title?: string | undefined;
  /** City, region, country (any may be missing). */
  location?: (string | undefined)[] | undefined;
}

/** Collapses whitespace and drops control characters; undefined when nothing is left. */
export function tidy(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}

/**
 * A draft → a ContactRecord whose identities carry its display name, then one rejection per
 * value that could not be used (an unreadable phone is a note, not the end of the contact).
 * A draft with no usable identity is one rejection that names the person and why.
 */
export function contactRecords(draft: ContactDraft, out: ImportRecord[]): void {
  const firstName = tidy(draft.firstName);
  const lastName = tidy(draft.lastName);
  const company = tidy(draft.company);
  const identities = draft.ids.identities;
  const displayName =
    tidy(draft.fullName) ??
    tidy([firstName, lastName].filter(Boolean).join(' ')) ??
    draft.names.map(tidy).find(Boolean) ??
    company ??
    identities[0]?.key ??
    '';
  const { file, line } = draft;
  const who =
    displayName === '' ? 'a contact without a name' : `contact ${JSON.stringify(displayName.slice(0, 60))}`;
  if (identities.length === 0) {
    const why = draft.ids.notes.length > 0 ? ` (${draft.ids.notes.join('; ')})` : '';
    out.push({
      type: 'rejected',
      file,
      line,
      reason: `${who} has no email, phone or profile URL to know them by${why}`,
    });
    return;
  }
  const places = (draft.location ?? []).map(tidy).filter((p): p is string => p !== undefined);
  out.push({
    type: 'contact',
    file,
    line,
    identities: identities.map((ref) => ({ ...ref, displayName })),
    person: {
      displayName,
      firstName,
      lastName,
      company,
      title: tidy(draft.title),
      location: places.length > 0 ? [...new Set(places)].join(', ') : undefined,
    },
  });
  for (const note of draft.ids.notes)
    out.push({ type: 'rejected', file, line, reason: `${note}; left out of ${who}` });
}
