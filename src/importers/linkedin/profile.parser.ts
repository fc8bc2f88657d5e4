import { readCsvBatches } from '../csv-reader.js';
import type { ImportRecord, PersonFacts, SourceEntry } from '../types.js';
import type { LinkedInOwner } from './linkedin-people.js';

const blankToUndefined = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * Profile.csv (one row, any era) → the owner record. The owner is known by name here;
 * profile URLs are learned later from invitations and messages.
 */
export function parseProfile(entry: SourceEntry, owner: LinkedInOwner): AsyncGenerator<ImportRecord[]> {
  let seen = false;
  return readCsvBatches(entry, { file: entry.path, required: ['First Name', 'Last Name'] }, (header) => {
    const col = (name: string) => header.index(name);
    const first = col('First Name');
    const last = col('Last Name');
    const headline = col('Headline');
    const geo = col('Geo Location');
    const country = col('Country');
    const location = col('Location');
    return {
      row(fields, line, out) {
        if (seen) return;
        const firstName = blankToUndefined(fields[first]);
        const lastName = blankToUndefined(fields[last]);
        const displayName = [firstName, lastName].filter(Boolean).join(' ');
        if (displayName === '') {
          out.push({ type: 'rejected', file: entry.path, line, reason: 'profile has no first or last name' });
          return;
        }
        seen = true;
        const person: PersonFacts = {
          displayName,
          firstName,
          lastName,
          title: blankToUndefined(fields[headline]),
          location:
            blankToUndefined(fields[geo]) ??
            blankToUndefined(fields[location]) ??
            blankToUndefined(fields[country]),
        };
        owner.setPerson(person);
        out.push(owner.record(entry.path, line));
      },
    };
  });
}
