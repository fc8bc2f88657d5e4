import type { CountryCode } from 'libphonenumber-js';
import {
  type ContentLine,
  parseContentLine,
  splitStructured,
  typesOf,
  unescapeText,
} from '../content-line.js';
import type { ImportRecord } from '../types.js';
import { IdentityList, twitterIdentity } from './contact-identities.js';
import { type ContactDraft, contactRecords } from './contact-record.js';
import { decodeQuotedPrintable } from './quoted-printable.js';
import type { CardLine } from './vcard-blocks.js';

/** Phone types that do not reach the person: faxes, pagers, an assistant's line. */
const NOT_PERSONAL = /FAX|PAGER|ASSISTANT/i;

/** A property's value as text: quoted-printable decoded in its CHARSET, `\,` `\;` `\n` kept for splitting. */
function rawValue(p: ContentLine): string {
  const qp =
    p.params.get('ENCODING')?.toUpperCase() === 'QUOTED-PRINTABLE' || p.bare.includes('QUOTED-PRINTABLE');
  return qp ? decodeQuotedPrintable(p.value, p.params.get('CHARSET')) : p.value;
}

/** vCard 2.1, 3.0 and 4.0 (`item1.X-ABLabel` labels read from the property's group). */
function readCard(lines: readonly CardLine[]): { props: ContentLine[]; labels: Map<string, string> } {
  const props: ContentLine[] = [];
  const labels = new Map<string, string>();
  for (const { text } of lines) {
    const p = parseContentLine(text);
    if (p === undefined) continue;
    if (p.name === 'X-ABLABEL' && p.group !== '') labels.set(p.group, unescapeText(p.value));
    else props.push(p);
  }
  return { props, labels };
}

/**
 * One vCard → a contact (or a rejection when nothing identifies the person), plus a note for
 * each phone or address that could not be used. Parsed here rather than with ical.js, which
 * reads vCard 3/4 but not 2.1's quoted-printable and bare types that Outlook and Android write.
 */
export function parseCard(
  lines: readonly CardLine[],
  line: number,
  file: string,
  region: CountryCode | undefined,
  out: ImportRecord[],
): void {
  const { props, labels } = readCard(lines);
  const ids = new IdentityList(region);
  const draft: ContactDraft = { file, line, ids, names: [] };
  let address: string[] | undefined;
  let addressRank = -1;
  for (const p of props) {
    const value = rawValue(p);
    const text = () => unescapeText(value).trim();
    const label = labels.get(p.group) ?? '';
    switch (p.name) {
      case 'FN':
        draft.fullName ??= text();
        break;
      case 'N': {
        const [family, given] = splitStructured(value, ';');
        draft.lastName ??= family?.trim();
        draft.firstName ??= given?.trim();
        break;
      }
      case 'NICKNAME':
        draft.names.push(text());
        break;
      case 'ORG':
        draft.company ??= splitStructured(value, ';')[0]?.trim();
        break;
      case 'TITLE':
        draft.title ??= text();
        break;
      case 'EMAIL':
        ids.email(text());
        break;
      case 'TEL':
        if (![...typesOf(p)].some((t) => NOT_PERSONAL.test(t)) && !NOT_PERSONAL.test(label))
          ids.phone(text());
        break;
      case 'URL':
      case 'X-SOCIALPROFILE':
        ids.url(text());
        break;
      case 'X-TWITTER': {
        const handle = text();
        const twitter = twitterIdentity(
          handle.startsWith('@') || handle.includes('/') ? handle : `@${handle}`,
        );
        if (twitter !== undefined) ids.url(twitter.profileUrl ?? `https://twitter.com/${twitter.handle}`);
        break;
      }
      case 'ADR': {
        const types = typesOf(p);
        const rank = types.has('PREF') || p.params.has('PREF') ? 2 : types.has('WORK') ? 1 : 0;
        if (rank > addressRank) {
          address = splitStructured(value, ';');
          addressRank = rank;
        }
        break;
      }
    }
  }
  if (address !== undefined) draft.location = [address[3], address[4], address[6]];
  contactRecords(draft, out);
}
