import { readCsvBatches } from '../csv-reader.js';
import { emailKey, linkedinSlug, nameKey } from '../identity-keys.js';
import type { IdentityRef, ImportRecord, SourceEntry } from '../types.js';
import { parseLinkedInDate } from './linkedin-dates.js';

const text = (fields: readonly string[], i: number): string => (i < 0 ? '' : (fields[i] ?? '').trim());
const orUndefined = (value: string): string | undefined => (value === '' ? undefined : value);

/**
 * Connections.csv → contacts. Modern files open with a `Notes:` preamble before the header;
 * 2018 files have no preamble, no URL column and US dates. Columns are found by name.
 */
export function parseConnections(entry: SourceEntry): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readCsvBatches(entry, { file, required: ['First Name', 'Last Name'] }, (header) => {
    const first = header.index('First Name');
    const last = header.index('Last Name');
    const url = header.index('URL');
    const email = header.index('Email Address');
    const company = header.index('Company');
    const position = header.index('Position');
    const connectedOn = header.index('Connected On');
    return {
      row(fields, line, out) {
        const firstName = text(fields, first);
        const lastName = text(fields, last);
        const name = firstName && lastName ? `${firstName} ${lastName}` : firstName || lastName;
        const profileUrl = text(fields, url);
        const slug = profileUrl === '' ? undefined : linkedinSlug(profileUrl);
        const mail = emailKey(text(fields, email));
        const identities: IdentityRef[] = [];
        const displayName = name || slug || mail || '';
        if (slug !== undefined) identities.push({ network: 'linkedin', key: slug, profileUrl, displayName });
        else {
          const key = nameKey(name);
          if (key !== undefined) identities.push({ network: 'linkedin', key, displayName });
        }
        if (mail !== undefined) identities.push({ network: 'email', key: mail, displayName });
        if (identities.length === 0) {
          out.push({ type: 'rejected', file, line, reason: 'connection has no name, profile URL or email' });
          return;
        }
        const rawDate = text(fields, connectedOn);
        const connectedAt = rawDate === '' ? undefined : parseLinkedInDate(rawDate);
        if (rawDate !== '' && connectedAt === undefined) {
          out.push({
            type: 'rejected',
            file,
            line,
            reason: `unreadable date in Connected On: ${JSON.stringify(rawDate.slice(0, 60))}`,
          });
          return;
        }
        out.push({
          type: 'contact',
          file,
          line,
          identities,
          connectedAt,
          person: {
            displayName,
            firstName: orUndefined(firstName),
            lastName: orUndefined(lastName),
            company: orUndefined(text(fields, company)),
            title: orUndefined(text(fields, position)),
          },
        });
      },
    };
  });
}
