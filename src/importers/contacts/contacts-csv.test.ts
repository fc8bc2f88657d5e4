import { describe, expect, it } from 'vitest';
import { collect, memorySource, ofType, utf16le } from '../fixture-export.test-support.js';
import { contactsImporter, contactsKind } from './contacts.importer.js';

/** A CSV with `header`, one row per object (cells by column name), every field quoted as Outlook does. */
function csv(header: string, rows: Record<string, string>[], quoteAll = false): string {
  const names = header.split(',').map((n) => n.replace(/^"|"$/g, ''));
  const q = (v: string) => (quoteAll || /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows.map((row) => names.map((n) => q(row[n] ?? '')).join(','))].join('\r\n');
}

const GOOGLE_NEW =
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Website 1 - Label,Website 1 - Value';
const GOOGLE_OLD =
  'Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,Website 1 - Type,Website 1 - Value';
const OUTLOOK =
  '"First Name","Middle Name","Last Name","Title","Suffix","Nickname","Web Page","Birthday","Location","Notes","E-mail Address","E-mail 2 Address","E-mail 3 Address","Primary Phone","Home Phone","Mobile Phone","Pager","Home Fax","Home City","Home State","Home Country","Company Main Phone","Business Phone","Business Fax","Assistant\'s Phone","Company","Job Title","Department","Business City","Business State","Business Country","Other Phone","Categories"';

const read = async (files: Record<string, string | Uint8Array>, region?: 'DE' | 'GB' | 'US') =>
  collect(contactsImporter.parseBatches(memorySource(files), { defaultRegion: region }));

describe('contacts CSV', () => {
  it('tells the kinds apart by header, not by name', async () => {
    const kind = (text: string) => contactsKind(memorySource({ 'export.csv': text }).entries[0]!);
    expect(await kind(`${GOOGLE_NEW}\r\n`)).toBe('google-csv');
    expect(await kind(`${GOOGLE_OLD}\r\n`)).toBe('google-csv-old');
    expect(await kind(`${OUTLOOK}\r\n`)).toBe('outlook-csv');
    expect(await kind('Date,Name,Type\r\n')).toBeUndefined();
    const records = await read({ 'contacts.csv': 'First Name,Last Name,URL\r\nAda,L,x\r\n' });
    expect(ofType(records, 'file')).toEqual([expect.objectContaining({ status: 'skipped' })]);
  });

  it('reads Google CSV: ::: lists, labels (faxes left out), birthdays without a year, profiles', async () => {
    const text = csv(GOOGLE_NEW, [
      {
        'First Name': 'Ada',
        'Last Name': 'Lovelace',
        'Organization Name': 'Analytical Engines',
        'Organization Title': 'Mathematician',
        Birthday: '--12-10',
        Labels: '* myContacts ::: Friends',
        'E-mail 1 - Label': '* Home',
        'E-mail 1 - Value': 'ada@example.com ::: Ada.L@Example.org',
        'Phone 1 - Label': 'Mobile',
        'Phone 1 - Value': '+44 20 7946 0958 ::: +44 (0)20 7946 0959',
        'Phone 2 - Label': 'Work Fax',
        'Phone 2 - Value': '+44 20 7946 0000',
        'Address 1 - City': 'London',
        'Address 1 - Country': 'United Kingdom',
        'Website 1 - Label': 'Profile',
        'Website 1 - Value': 'https://www.linkedin.com/in/ada-lovelace',
      },
      { 'First Name': 'Bob', 'Phone 1 - Label': 'Mobile', 'Phone 1 - Value': '030 1234567' },
    ]);
    const records = await read({ 'contacts.csv': text });
    const [ada] = ofType(records, 'contact');
    expect(ada).toMatchObject({
      line: 2,
      person: {
        displayName: 'Ada Lovelace',
        company: 'Analytical Engines',
        title: 'Mathematician',
        location: 'London, United Kingdom',
      },
    });
    expect(ada!.identities.map((i) => `${i.network}:${i.key}`)).toEqual([
      'email:ada@example.com',
      'email:ada.l@example.org',
      'phone:+442079460958',
      'phone:+442079460959',
      'linkedin:ada-lovelace',
    ]);
    // Bob's only number has no country code: without a region the row is one rejection.
    expect(ofType(records, 'rejected')).toEqual([
      expect.objectContaining({
        line: 3,
        reason: expect.stringContaining('phone "030 1234567" has no country code'),
      }),
    ]);
    const german = await read({ 'contacts.csv': text }, 'DE');
    expect(ofType(german, 'contact')[1]!.identities).toEqual([
      { network: 'phone', key: '+49301234567', displayName: 'Bob' },
    ]);
  });

  it('reads the old Google header and UTF-16 files', async () => {
    const text = csv(GOOGLE_OLD, [
      {
        Name: 'Grace Hopper',
        'Given Name': 'Grace',
        'Family Name': 'Hopper',
        'Group Membership': '* My Contacts',
        'E-mail 1 - Type': '* Work',
        'E-mail 1 - Value': 'grace@navy.example',
        'Phone 1 - Type': 'Mobile',
        'Phone 1 - Value': '+1 212 555 0100',
        'Organization 1 - Name': 'US Navy',
        'Organization 1 - Title': 'Rear Admiral',
        'Website 1 - Value': 'https://twitter.com/GraceHopper',
      },
    ]);
    const [grace] = ofType(await read({ 'google.csv': utf16le(text) }), 'contact');
    expect(grace).toMatchObject({
      person: { displayName: 'Grace Hopper', company: 'US Navy', title: 'Rear Admiral' },
    });
    expect(grace!.identities.map((i) => `${i.network}:${i.key}`)).toEqual([
      'email:grace@navy.example',
      'phone:+12125550100',
      'twitter:gracehopper',
    ]);
  });

  it('reads Outlook CSV, every field quoted: Job Title (not Title), personal phones only', async () => {
    const text = csv(
      OUTLOOK,
      [
        {
          'First Name': 'Alan',
          'Last Name': 'Turing',
          Title: 'Dr.',
          'Job Title': 'Cryptanalyst',
          Company: 'GC&CS',
          'E-mail Address': 'alan@example.org',
          'E-mail 2 Address': 'ALAN@example.org',
          'Mobile Phone': '07700 900123',
          'Business Phone': '+44 1908 640404',
          'Company Main Phone': '+44 1908 000000',
          "Assistant's Phone": '+44 1908 111111',
          'Business Fax': '+44 1908 222222',
          'Business City': 'Bletchley',
          'Business Country': 'United Kingdom',
          'Home City': 'Wilmslow',
        },
      ],
      true,
    );
    const [alan] = ofType(await read({ 'contacts.csv': text }, 'GB'), 'contact');
    expect(alan).toMatchObject({
      person: {
        displayName: 'Alan Turing',
        title: 'Cryptanalyst',
        company: 'GC&CS',
        location: 'Bletchley, United Kingdom',
      },
    });
    expect(alan!.identities.map((i) => i.key)).toEqual([
      'alan@example.org',
      '+447700900123',
      '+441908640404',
    ]);
  });
});
