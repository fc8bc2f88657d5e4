import { IdentityList } from '../contacts/contact-identities.js';
import { readCsvBatches } from '../csv-reader.js';
import type { ImportRecord, SourceEntry } from '../types.js';
import type { LinkedInOwner } from './linkedin-people.js';

/**
 * Email Addresses.csv and PhoneNumbers.csv → the owner's own addresses and numbers, so that
 * mail, calendars and chats recognise the owner, and invites have an organizer. The export
 * writes phone numbers as a country code (`Extension`, e.g. "+44") beside the number.
 */
export function parseOwnerContacts(
  entry: SourceEntry,
  kind: 'emails' | 'phones',
  owner: LinkedInOwner,
): AsyncGenerator<ImportRecord[]> {
  const required = kind === 'emails' ? ['Email Address'] : ['Number'];
  let lastLine: number | undefined;
  let learned = false;
  return readCsvBatches(entry, { file: entry.path, required }, (header) => {
    const address = header.index('Email Address');
    const number = header.index('Number');
    const extension = header.index('Extension');
    return {
      row(fields, line, out) {
        const list = new IdentityList(undefined);
        if (kind === 'emails') list.email(fields[address] ?? '');
        else {
          const code = (fields[extension] ?? '').trim();
          const digits = (fields[number] ?? '').trim();
          list.phone(code.startsWith('+') && !digits.startsWith('+') ? `${code} ${digits}` : digits);
        }
        if (list.identities.length === 0) {
          const reason = list.notes[0] ?? (kind === 'emails' ? 'no email address' : 'no phone number');
          out.push({ type: 'rejected', file: entry.path, line, reason });
          return;
        }
        if (owner.addIdentities(list.identities)) learned = true;
        lastLine = line;
      },
      end(out) {
        // One owner record per file, carrying every identity learned from it.
        if (learned) out.push(owner.record(entry.path, lastLine));
      },
    };
  });
}
