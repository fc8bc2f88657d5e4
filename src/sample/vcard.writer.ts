import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Phone } from './cast-identities.js';
import type { CastMember, LifeContext, SourceFile } from './cast-types.js';
import { contentLines, icsText } from './ics-format.js';

/** How each phone-linked client's number is typed into the address book, in turn. */
const SPELLINGS: readonly (keyof Omit<Phone, 'e164'>)[] = ['national', 'dashed', 'international'];

interface Card {
  first: string;
  last: string;
  emails: string[];
  phone?: string | undefined;
  company: string;
  title: string;
  linkedin?: string | undefined;
  berlin?: boolean;
  note?: string | undefined;
}

/** Gmail escapes the colon of a URL value too (`https\://…`), which vCard 3.0 does not ask for. */
const gmailUrl = (url: string) => url.replace(/:/g, '\\:');

function vcard(c: Card): string[] {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${icsText(`${c.first} ${c.last}`)}`,
    `N:${icsText(c.last)};${icsText(c.first)};;;`,
  ];
  for (const [i, e] of c.emails.entries())
    lines.push(`EMAIL;TYPE=INTERNET;TYPE=${i === 0 ? 'WORK' : 'HOME'}:${e}`);
  if (c.phone) lines.push(`TEL;TYPE=CELL:${c.phone}`);
  // A German address tells a reader which region national numbers like 030 1234567 belong to.
  if (c.berlin) lines.push('ADR;TYPE=WORK:;;Friedrichstraße 68;Berlin;;10117;Germany');
  if (c.company) lines.push(`ORG:${icsText(c.company)}`);
  if (c.title) lines.push(`TITLE:${icsText(c.title)}`);
  if (c.linkedin) lines.push(`item1.URL:${gmailUrl(c.linkedin)}`, 'item1.X-ABLabel:LinkedIn');
  if (c.note) lines.push(`NOTE:${icsText(c.note)}`);
  lines.push('CATEGORIES:myContacts', 'END:VCARD');
  return lines;
}

function card(m: CastMember, phoneIndex: number): Card {
  const p = m.person;
  const emails = [...new Set([m.email, p.email].filter((e): e is string => !!e))];
  const spelling = SPELLINGS[phoneIndex % SPELLINGS.length] ?? 'international';
  return {
    first: p.firstName,
    last: p.lastName,
    emails,
    phone: m.phone?.[spelling],
    company: p.company,
    title: p.position,
    linkedin: m.card === 'full' ? p.url : undefined,
    berlin: m.phone !== undefined,
    note:
      m.kind === 'client'
        ? `Client since the ${p.company || 'pilot'} pilot; prefers ${p.city} meetings in the morning, never Fridays.`
        : undefined,
  };
}

/**
 * Writes a Google Contacts export (vCard 3.0, CRLF, folded lines): the owner's own card, and a
 * card per client (emails, phone, LinkedIn URL: the certain cross-links), per contact known by
 * email, and one with the LinkedIn company but no URL (a likely duplicate).
 */
export async function writeContacts(ctx: LifeContext): Promise<SourceFile> {
  const { owner } = ctx.cast;
  const own = vcard({
    first: owner.firstName,
    last: owner.lastName,
    emails: [owner.email],
    phone: `+1 ${owner.phone.dashed}`,
    company: owner.company,
    title: owner.title,
    linkedin: owner.url,
  });
  let phones = 0;
  const cards = ctx.cast.members
    .filter((m) => m.card !== undefined)
    .map((m) => vcard(card(m, m.phone ? phones++ : 0)));
  const dir = join(ctx.dir, 'Takeout', 'Contacts', 'All Contacts');
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'All Contacts.vcf');
  await writeFile(path, contentLines([...own, ...cards.flat()]));
  return { source: 'vcard', path, records: cards.length };
}
