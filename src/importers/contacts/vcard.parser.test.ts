import { describe, expect, it } from 'vitest';
import { damagedSource } from '../damaged-entry.test-support.js';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import { contactsImporter } from './contacts.importer.js';

const read = async (text: string | Uint8Array, region?: 'DE' | 'US', chunkSize?: number) =>
  collect(
    contactsImporter.parseBatches(memorySource({ 'people.vcf': text }, { chunkSize }), {
      defaultRegion: region,
    }),
  );

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');

describe('vCard', () => {
  it('reads 2.1 bare types, quoted-printable in a CHARSET, and a file without its final newline', async () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen',
      'TEL;WORK;VOICE:030 1234567',
      'TEL;WORK;FAX:030 7654321',
      'EMAIL;PREF;INTERNET:j.mueller@example.de',
      'END:VCARD',
    ].join('\r\n');
    const [contact] = ofType(await read(text, 'DE'), 'contact');
    expect(contact).toMatchObject({
      line: 1,
      person: { displayName: 'Jürgen Müller', firstName: 'Jürgen', lastName: 'Müller' },
      identities: [
        { network: 'phone', key: '+49301234567', displayName: 'Jürgen Müller' },
        { network: 'email', key: 'j.mueller@example.de', displayName: 'Jürgen Müller' },
      ],
    });
  });

  it('reads Gmail CRLF folds, item labels, TEL;VALUE=uri and profile URLs (LinkedIn slug, Twitter handle)', async () => {
    const text = card(
      'FN:Ada Lovelace',
      'EMAIL;TYPE=INTERNET:ada@exa',
      ' mple.com',
      'item1.TEL:+44 20 7946 0958',
      'item1.X-ABLabel:_$!<AssistantPhone>!$_',
      'TEL;VALUE=uri;TYPE="work,voice":tel:+1-418-656-9254;ext=102',
      'item2.URL:https\\://www.linkedin.com/in/Ada-Lovelace-1815/',
      'item2.X-ABLabel:PROFILE',
      'URL:https://x.com/Ada_L?ref=1',
      'X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/home',
      'URL:https://example.com/ada',
    );
    const [contact] = ofType(await read(text), 'contact');
    expect(contact!.identities.map(({ network, key, handle }) => ({ network, key, handle }))).toEqual([
      { network: 'email', key: 'ada@example.com', handle: undefined },
      { network: 'phone', key: '+14186569254', handle: undefined },
      { network: 'linkedin', key: 'ada-lovelace-1815', handle: undefined },
      { network: 'twitter', key: 'ada_l', handle: 'Ada_L' },
    ]);
  });

  it('reads several cards per file (a Google+ circle), iPhone CR CR LF endings, any chunking', async () => {
    const circle = [
      card('FN:A', 'EMAIL:a@example.com'),
      card('FN:B', 'EMAIL:b@example.com'),
      card('FN:C', 'EMAIL:c@example.com'),
    ];
    const text = `${circle.join('\r\n').replace(/\r\n/g, '\r\r\n')}`;
    for (const size of [1, 5, 1000]) {
      const contacts = ofType(await read(text, undefined, size), 'contact');
      expect(contacts.map((c) => [c.line, c.person.displayName])).toEqual([
        // A lone CR ends a line too (as editors count it): each CR CR LF is two lines.
        [1, 'A'],
        [11, 'B'],
        [21, 'C'],
      ]);
    }
  });

  it('keeps a contact whose phone cannot be read, with a note; rejects a card with nothing to know it by', async () => {
    const records = await read(
      [
        card('FN:Kept', 'EMAIL:k@example.com', 'TEL:555 0100'),
        card('FN:Lost', 'TEL:12'),
        'BEGIN:VCARD',
        'FN:Cut',
      ].join('\r\n'),
    );
    expect(ofType(records, 'contact').map((c) => c.person.displayName)).toEqual(['Kept']);
    expect(ofType(records, 'rejected')).toEqual([
      expect.objectContaining({
        line: 1,
        reason:
          'phone "555 0100" has no country code; give a default region to read it; left out of contact "Kept"',
      }),
      expect.objectContaining({
        line: 7,
        reason:
          'contact "Lost" has no email, phone or profile URL to know them by (phone "12" is not a phone number)',
      }),
      expect.objectContaining({ line: 12, reason: 'vCard is cut off (no END:VCARD)' }),
    ]);
  });

  it('reports a file that breaks off mid-read as import.unreadable', async () => {
    const source = damagedSource('people.vcf', card('FN:A', 'EMAIL:a@example.com'));
    await expect(collect(contactsImporter.parseBatches(source))).rejects.toMatchObject({
      code: 'import.unreadable',
    });
  });
});
