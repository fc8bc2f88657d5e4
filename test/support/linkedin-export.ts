import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROFILE_HEADER } from '../../src/sample/export-files.js';

/** Small hand-made LinkedIn exports in the modern format, for service and CLI tests. */

export const OWNER = {
  first: 'Morgan',
  last: 'Avery',
  url: 'https://www.linkedin.com/in/morgan-avery-0a1b2c',
};

export interface Contact {
  first: string;
  last: string;
  slug: string;
  company?: string;
  position?: string;
  connectedOn: string;
  /** Shown in Connections.csv's Email Address column. */
  email?: string;
  /** Leave the URL column blank, as some connections' rows are. */
  noUrl?: boolean;
}

export interface Message {
  conversation: string;
  from: Contact | 'me';
  to: Contact | 'me';
  date: string;
  content: string;
}

const url = (c: Contact | 'me') => (c === 'me' ? OWNER.url : `https://www.linkedin.com/in/${c.slug}`);
const name = (c: Contact | 'me') => (c === 'me' ? `${OWNER.first} ${OWNER.last}` : `${c.first} ${c.last}`);
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;

const PREAMBLE =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n';

/** Writes an unzipped export folder and returns its path. */
export function writeLinkedInExport(files: {
  contacts?: Contact[];
  messages?: Message[];
  profile?: boolean;
}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-li-'));
  mkdirSync(dir, { recursive: true });
  if (files.profile !== false) {
    writeFileSync(
      join(dir, 'Profile.csv'),
      csv([
        [...PROFILE_HEADER],
        [
          OWNER.first,
          OWNER.last,
          '',
          '',
          '',
          'Account Executive',
          '',
          'Software',
          '',
          'Berlin, Germany',
          '',
          '',
          '',
        ],
      ]),
    );
  }
  if (files.contacts) {
    writeFileSync(
      join(dir, 'Connections.csv'),
      PREAMBLE +
        csv([
          ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'],
          ...files.contacts.map((c) => [
            c.first,
            c.last,
            c.noUrl ? '' : url(c),
            c.email ?? '',
            c.company ?? '',
            c.position ?? '',
            c.connectedOn,
          ]),
        ]),
    );
  }
  if (files.messages) {
    writeFileSync(
      join(dir, 'messages.csv'),
      csv([
        [
          'CONVERSATION ID',
          'CONVERSATION TITLE',
          'FROM',
          'SENDER PROFILE URL',
          'TO',
          'RECIPIENT PROFILE URLS',
          'DATE',
          'SUBJECT',
          'CONTENT',
          'FOLDER',
        ],
        ...files.messages.map((m) => [
          m.conversation,
          '',
          name(m.from),
          url(m.from),
          name(m.to),
          url(m.to),
          m.date,
          '',
          m.content,
          'INBOX',
        ]),
      ]),
    );
  }
  return dir;
}

/** "2026-11-01 09:30:00 UTC" for a UTC date `days` before `now`. */
export function linkedinDate(now: number, daysBefore: number): string {
  return new Date(now - daysBefore * 86_400_000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** "15 Dec 2025" for a date `days` before `now`. */
export function connectedOn(now: number, daysBefore: number): string {
  const d = new Date(now - daysBefore * 86_400_000);
  const month = d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${String(d.getUTCDate()).padStart(2, '0')} ${month} ${d.getUTCFullYear()}`;
}

/** A thread of `count` alternating messages with `contact`, one every `everyDays` days, ending `endDaysAgo` days ago. */
export function thread(
  contact: Contact,
  now: number,
  count: number,
  everyDays: number,
  endDaysAgo: number,
): Message[] {
  return Array.from({ length: count }, (_, i) => {
    const inbound = i % 2 === 0;
    return {
      conversation: `2-${contact.slug}`,
      from: inbound ? contact : 'me',
      to: inbound ? 'me' : contact,
      date: linkedinDate(now, endDaysAgo + (count - 1 - i) * everyDays),
      content: `Message ${i + 1} about the pilot, with a few more words to count.`,
    } satisfies Message;
  });
}
