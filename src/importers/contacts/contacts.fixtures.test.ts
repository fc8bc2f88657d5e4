import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import { contactsImporter } from './contacts.importer.js';

/** /work/shared/fixtures/contacts: ez-vcard's samples (BSD-2-Clause; John_Doe files from Card Me, see SOURCES.md). */
const DIR = fileURLToPath(new URL('../../../../shared/fixtures/contacts/', import.meta.url));

/**
 * Per fixture: `cards` is `python3 -c "import re; print(len(re.findall(r'^BEGIN:VCARD', open(f, errors='replace').read(), re.M|re.I)))"`
 * (case-insensitive: the RFC 2426 example writes `BEGIN:vCard`); every card becomes a contact or
 * one rejection. `notes` are the phones and emails left out of imported contacts, counted by
 * reading each file's TEL/EMAIL lines (faxes, pagers and assistant lines are not read):
 * without a region every phone lacking `+` is a note; with US all but Android's short numbers
 * and Outlook 2003's "BusinessPhone"-style placeholders read.
 */
const FIXTURES: Record<
  string,
  { cards: number; contacts: number; notes: number; notesUS: number; phonesUS: number }
> = {
  // Cards 3 and 4 have only short phones and no email: 2 rejected cards. Card 5: phone 123456
  // (twice, one note) and a quoted-printable "email" of Ñs; card 6: phone 55556666.
  'ez-vcard__John_Doe_ANDROID.vcf': { cards: 6, contacts: 4, notes: 3, notesUS: 3, phonesUS: 0 },
  'ez-vcard__John_Doe_GMAIL.vcf': { cards: 1, contacts: 1, notes: 2, notesUS: 0, phonesUS: 2 },
  // CELL, HOME, WORK voice lines; two faxes, a pager and the assistant's line are left out.
  'ez-vcard__John_Doe_IPHONE.vcf': { cards: 1, contacts: 1, notes: 3, notesUS: 0, phonesUS: 3 },
  'ez-vcard__John_Doe_MAC_ADDRESS_BOOK.vcf': { cards: 1, contacts: 1, notes: 3, notesUS: 0, phonesUS: 3 },
  'ez-vcard__John_Doe_MS_OUTLOOK.vcf': { cards: 1, contacts: 1, notes: 2, notesUS: 0, phonesUS: 2 },
  'ez-vcard__gmail-list.vcf': { cards: 3, contacts: 3, notes: 0, notesUS: 0, phonesUS: 0 },
  'ez-vcard__gmail-single.vcf': { cards: 1, contacts: 1, notes: 2, notesUS: 0, phonesUS: 2 },
  // 11 TEL lines: two faxes and a pager left out, 8 read.
  'ez-vcard__gmail-single2.vcf': { cards: 1, contacts: 1, notes: 8, notesUS: 0, phonesUS: 8 },
  // TEL values are the words "BusinessPhone", "HomePhone", "MobilePhone" (the fax is left out).
  'ez-vcard__outlook-2003.vcf': { cards: 1, contacts: 1, notes: 3, notesUS: 3, phonesUS: 0 },
  'ez-vcard__outlook-2007.vcf': { cards: 1, contacts: 1, notes: 3, notesUS: 0, phonesUS: 3 },
  // +1 numbers read without a region; the faxes are left out.
  'ez-vcard__rfc2426-example.vcf': { cards: 2, contacts: 2, notes: 0, notesUS: 0, phonesUS: 2 },
  'ez-vcard__rfc6350-example.vcf': { cards: 1, contacts: 1, notes: 0, notesUS: 0, phonesUS: 2 },
  'ez-vcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf': {
    cards: 1,
    contacts: 1,
    notes: 3,
    notesUS: 0,
    phonesUS: 3,
  },
};

const read = async (name: string, region?: 'US') =>
  collect(
    contactsImporter.parseBatches(memorySource({ [name]: readFileSync(DIR + name) }), {
      defaultRegion: region,
    }),
  );

describe('contactsImporter on the shared fixtures', () => {
  it('covers every .vcf fixture and skips the licence files', async () => {
    const names = readdirSync(DIR);
    expect(names.filter((f) => f.endsWith('.vcf')).sort()).toEqual(Object.keys(FIXTURES).sort());
    for (const name of names.filter((f) => f.endsWith('.txt'))) {
      expect(ofType(await read(name), 'file')).toEqual([expect.objectContaining({ status: 'skipped' })]);
    }
  });

  for (const [name, expected] of Object.entries(FIXTURES)) {
    it(`reads ${name} with and without a default region`, async () => {
      for (const region of [undefined, 'US'] as const) {
        const records = await read(name, region);
        const contacts = ofType(records, 'contact');
        const rejected = ofType(records, 'rejected');
        const cardRejections = expected.cards - expected.contacts;
        expect(contacts).toHaveLength(expected.contacts);
        expect(rejected).toHaveLength(cardRejections + (region ? expected.notesUS : expected.notes));
        if (region)
          expect(contacts.flatMap((c) => c.identities).filter((i) => i.network === 'phone')).toHaveLength(
            expected.phonesUS,
          );
        expect(new Set([...contacts, ...rejected].map((r) => r.line)).size).toBe(expected.cards);
      }
    });
  }

  it('reads names, company, title and place the way each writer encodes them', async () => {
    const [outlook] = ofType(await read('ez-vcard__John_Doe_MS_OUTLOOK.vcf', 'US'), 'contact');
    expect(outlook).toMatchObject({
      person: {
        displayName: 'Mr. John Richter James Doe Sr.',
        firstName: 'John',
        lastName: 'Doe',
        company: 'IBM',
        title: 'Money Counter',
        location: 'Albaney, New York, United States of America',
      },
    });
    expect(outlook!.identities.map((i) => `${i.network}:${i.key}`)).toEqual([
      'phone:+19055551234',
      'phone:+19056661234',
      'email:john.doe@ibm.cm',
    ]);
    const android = ofType(await read('ez-vcard__John_Doe_ANDROID.vcf'), 'contact');
    // Quoted-printable UTF-8 (`=C3=91`) across soft line breaks.
    expect(android[2]!.person).toMatchObject({
      displayName: 'Ñ Ñ Ñ Ñ',
      firstName: 'Ñ Ñ Ñ',
      lastName: 'Ñ Ñ',
      company: 'Ñ'.repeat(12),
    });
    const [rfc6350] = ofType(await read('ez-vcard__rfc6350-example.vcf'), 'contact');
    expect(rfc6350!.identities.map((i) => i.key)).toEqual([
      '+14186569254',
      '+14182626501',
      'simon.perreault@viagenie.ca',
    ]);
  });
});
