import type { CountryCode } from 'libphonenumber-js';
import { readCsvBatches } from '../csv-reader.js';
import type { ImportRecord, SourceEntry } from '../types.js';
import { IdentityList } from './contact-identities.js';
import { contactRecords } from './contact-record.js';

/** Outlook's CSV export (every field quoted): `"First Name",…,"E-mail Address","E-mail 2 Address",…`. */
export const OUTLOOK_CSV = ['First Name', 'Last Name', 'E-mail Address'] as const;

/** Phone columns that are not the person's own line. */
const NOT_PERSONAL = /fax|pager|assistant|company main/;

/**
 * An Outlook CSV → contacts. Every `… Phone` column but faxes, pagers, the assistant's and
 * the company's main line; `Web Page` columns for profile URLs; the business address (else
 * home, else `Location`) for where they are. Outlook's `Title` is "Mr."; the job is `Job Title`.
 */
export function parseOutlookCsv(
  entry: SourceEntry,
  region: CountryCode | undefined,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readCsvBatches(entry, { file, required: OUTLOOK_CSV }, (header) => {
    const at = (name: string) => header.index(name);
    const all = (test: (name: string) => boolean) =>
      header.names.flatMap((name, i) => (test(name) ? [i] : []));
    const emails = all((n) => /^e-mail( \d+)? address$/.test(n));
    const phones = all((n) => /phone/.test(n) && !NOT_PERSONAL.test(n));
    const sites = all((n) => /web page$/.test(n));
    const business = ['Business City', 'Business State', 'Business Country/Region', 'Business Country'].map(
      at,
    );
    const home = ['Home City', 'Home State', 'Home Country/Region', 'Home Country'].map(at);
    return {
      row(fields, line, out) {
        const cell = (i: number) => (i < 0 ? '' : (fields[i] ?? '').trim());
        const ids = new IdentityList(region);
        for (const i of emails) ids.email(cell(i));
        for (const i of phones) ids.phone(cell(i));
        for (const i of sites) ids.url(cell(i));
        const place = business.some((i) => cell(i) !== '') ? business : home;
        const first = cell(at('First Name'));
        const last = cell(at('Last Name'));
        contactRecords(
          {
            file,
            line,
            ids,
            fullName: [first, cell(at('Middle Name')), last].join(' '),
            firstName: first,
            lastName: last,
            names: [cell(at('Nickname'))],
            company: cell(at('Company')),
            title: cell(at('Job Title')),
            location: place.some((i) => cell(i) !== '') ? place.map(cell) : [cell(at('Location'))],
          },
          out,
        );
      },
    };
  });
}
