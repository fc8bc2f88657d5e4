import type { CountryCode } from 'libphonenumber-js';
import { type CsvHeader, readCsvBatches } from '../csv-reader.js';
import type { ImportRecord, SourceEntry } from '../types.js';
import { IdentityList } from './contact-identities.js';
import { contactRecords } from './contact-record.js';

/** Google Contacts CSV since 2020 ("Google CSV"): `First Name,Middle Name,Last Name,…,Labels,E-mail 1 - Label,…`. */
export const GOOGLE_CSV = ['First Name', 'Middle Name', 'Last Name', 'Labels'] as const;
/** The older Google CSV: `Name,Given Name,…,Group Membership,E-mail 1 - Type,E-mail 1 - Value,…`. */
export const GOOGLE_CSV_OLD = ['Name', 'Given Name', 'Family Name', 'Group Membership'] as const;

/** Several values in one cell are joined by ` ::: ` (two emails of one kind, say). */
const split = (cell: string): string[] =>
  cell
    .split(':::')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** The numbered columns `<kind> N - Value` with their `<kind> N - Label` (new) or `- Type` (old). */
function numbered(header: CsvHeader, kind: string): { value: number; label: number }[] {
  const found: { value: number; label: number }[] = [];
  header.names.forEach((name, i) => {
    const m = new RegExp(`^${kind} (\\d+) - value$`).exec(name);
    if (m === null) return;
    const label = header.index(`${kind} ${m[1]} - label`);
    found.push({ value: i, label: label >= 0 ? label : header.index(`${kind} ${m[1]} - type`) });
  });
  return found;
}

/**
 * A Google Contacts CSV (either header) → contacts. Columns are found by name; birthdays
 * (`--12-01` has no year) and notes are not read. Phones labelled fax or pager are left out.
 */
export function parseGoogleCsv(
  entry: SourceEntry,
  old: boolean,
  region: CountryCode | undefined,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readCsvBatches(entry, { file, required: old ? GOOGLE_CSV_OLD : GOOGLE_CSV }, (header) => {
    const at = (name: string) => header.index(name);
    const col = old
      ? {
          full: at('Name'),
          first: at('Given Name'),
          last: at('Family Name'),
          org: at('Organization 1 - Name'),
        }
      : { full: -1, first: at('First Name'), last: at('Last Name'), org: at('Organization Name') };
    const title = old ? at('Organization 1 - Title') : at('Organization Title');
    const nickname = at('Nickname');
    const place = ['City', 'Region', 'Country'].map((part) => at(`Address 1 - ${part}`));
    const emails = numbered(header, 'e-mail');
    const phones = numbered(header, 'phone');
    const sites = numbered(header, 'website');
    return {
      row(fields, line, out) {
        const cell = (i: number) => (i < 0 ? '' : (fields[i] ?? '').trim());
        const ids = new IdentityList(region);
        for (const e of emails) for (const v of split(cell(e.value))) ids.email(v);
        for (const p of phones)
          if (!/fax|pager/i.test(cell(p.label))) for (const v of split(cell(p.value))) ids.phone(v);
        for (const s of sites) for (const v of split(cell(s.value))) ids.url(v);
        const middle = old ? '' : cell(at('Middle Name'));
        contactRecords(
          {
            file,
            line,
            ids,
            fullName: col.full >= 0 ? cell(col.full) : [cell(col.first), middle, cell(col.last)].join(' '),
            firstName: cell(col.first),
            lastName: cell(col.last),
            names: [cell(nickname)],
            company: split(cell(col.org))[0],
            title: split(cell(title))[0],
            location: place.map((i) => split(cell(i))[0]),
          },
          out,
        );
      },
    };
  });
}
