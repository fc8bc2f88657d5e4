import type { Party } from './conversations.js';
import { MESSAGES_HEADER } from './conversations.js';
import { csvRow } from './csv-writer.js';
import { DAY, formatMonthYear, formatUtcSeconds, MINUTE, toSeconds } from './dates.js';
import { SKILLS } from './names.js';

/** The account owner: the fictional salesperson whose export this is. */
export interface Owner extends Party {
  lastName: string;
  email: string;
  company: string;
  title: string;
  location: string;
}

/** LinkedIn's preamble before the Connections.csv header, byte for byte as in a real Dec-2025 export. */
export const CONNECTIONS_PREAMBLE =
  'Notes:\n' +
  '"When exporting your connection data, you may notice that some of the email addresses are missing. ' +
  'You will only see email addresses for connections who have allowed their connections to see or download ' +
  'their email address using this setting https://www.linkedin.com/psettings/privacy/email. ' +
  'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n' +
  '\n';

export const CONNECTIONS_HEADER = csvRow([
  'First Name',
  'Last Name',
  'URL',
  'Email Address',
  'Company',
  'Position',
  'Connected On',
]);

/** The header of a modern Profile.csv. */
export const PROFILE_HEADER = [
  'First Name',
  'Last Name',
  'Maiden Name',
  'Address',
  'Birth Date',
  'Headline',
  'Summary',
  'Industry',
  'Zip Code',
  'Geo Location',
  'Twitter Handles',
  'Websites',
  'Instant Messengers',
] as const;

/** Profile.csv: one row about the owner (the header matches a modern export). */
export function profileCsv(owner: Owner): string {
  const summary =
    `I help operations and finance teams turn messy data into decisions.\n\n` +
    `Before ${owner.company}: six years in logistics sales. Outside work: trail running & bad puns.`;
  return (
    csvRow(PROFILE_HEADER) +
    csvRow([
      owner.firstName,
      owner.lastName,
      '',
      '',
      '',
      `${owner.title} at ${owner.company} · Analytics for operations teams`,
      summary,
      'Software Development',
      '78701',
      owner.location,
      '',
      '',
      '',
    ])
  );
}

/** Email Addresses.csv, PhoneNumbers.csv, Skills.csv and Positions.csv: present in real exports, unused by Rapport. */
export function unusedFiles(owner: Owner, now: number): Record<string, string> {
  return {
    'Email Addresses.csv':
      csvRow(['Email Address', 'Confirmed', 'Primary', 'Updated On']) +
      csvRow([owner.email, 'Yes', 'Yes', formatUtcSeconds(toSeconds(now - 900 * DAY))]),
    'PhoneNumbers.csv': csvRow(['Extension', 'Number', 'Type']) + csvRow(['+1', '512 555 0142', 'Mobile']),
    'Positions.csv':
      csvRow(['Company Name', 'Title', 'Description', 'Location', 'Started On', 'Finished On']) +
      csvRow([
        owner.company,
        owner.title,
        'Mid-market and enterprise accounts, US South.',
        owner.location,
        formatMonthYear(now - 800 * DAY),
        '',
      ]) +
      csvRow([
        'Meridian Freight',
        'Sales Development Representative',
        '',
        'Dallas, Texas, United States',
        formatMonthYear(now - 2900 * DAY),
        formatMonthYear(now - 810 * DAY),
      ]),
    'Skills.csv': csvRow(['Name']) + SKILLS.map((s) => csvRow([s])).join(''),
  };
}

const GUIDE_LINES = [
  ['owner', 'How do I write a better headline?'],
  [
    'guide',
    'A strong headline says who you help and how. Try: "Helping ops teams cut reporting time in half".',
  ],
  ['owner', 'Should I mention my company?'],
  ['guide', 'Yes, if it is well known in your market. Keep it under 220 characters.'],
  ['owner', 'Thanks!'],
  ['guide', 'You are welcome. Want tips on your About section next?'],
] as const;

/** guide_messages.csv: a chat with LinkedIn's coach, sharing the messages header; importers must skip it. */
export function guideMessagesCsv(owner: Owner, now: number): { text: string; count: number } {
  const coach: Party = { name: 'LinkedIn Guide', firstName: 'LinkedIn', url: '' };
  const id = `2-${Buffer.from(`guide-${owner.url}`).toString('base64')}`;
  const start = toSeconds(now - 23 * DAY);
  const rows = GUIDE_LINES.map(([who, text], i) => {
    const [from, to] = who === 'owner' ? [owner, coach] : [coach, owner];
    const at = formatUtcSeconds(start + i * 2 * MINUTE);
    return csvRow([id, '', from.name, from.url, to.name, to.url, at, '', text, 'INBOX']);
  });
  return { text: csvRow(MESSAGES_HEADER) + rows.reverse().join(''), count: rows.length };
}
