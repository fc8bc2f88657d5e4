import { describe, expect, it } from 'vitest';
import { collect, linkedinFixture, memorySource, ofType, utf16le } from '../fixture-export.test-support.js';
import type { SourceEntry } from '../types.js';
import { parseConnections } from './connections.parser.js';

const entry = (content: string | Buffer): SourceEntry =>
  memorySource({ 'Connections.csv': content }).entries[0]!;
const read = async (content: string | Buffer) => collect(parseConnections(entry(content)));

describe('parseConnections', () => {
  it('reads the modern sample export past its Notes preamble', async () => {
    // Expected numbers from python3's csv module on the same file: 300 rows after the header,
    // every row with a URL and an email; csv.reader.line_num is 5 after the first row, 304 after the last.
    const records = await read(linkedinFixture('silkyrich__Connections.head300.csv'));
    const contacts = ofType(records, 'contact');
    expect(contacts).toHaveLength(300);
    expect(ofType(records, 'rejected')).toEqual([]);
    expect(contacts[0]).toEqual({
      type: 'contact',
      file: 'Connections.csv',
      line: 5,
      connectedAt: Date.UTC(1833, 5, 5),
      identities: [
        {
          network: 'linkedin',
          key: 'fake-charles-babbage',
          profileUrl: 'https://www.linkedin.com/in/fake-charles-babbage',
          displayName: 'Charles Babbage',
        },
        { network: 'email', key: 'charles.babbage@example.com', displayName: 'Charles Babbage' },
      ],
      person: {
        displayName: 'Charles Babbage',
        firstName: 'Charles',
        lastName: 'Babbage',
        company: 'Analytical Engines (stealth)',
        title: 'Founder & CTO',
      },
    });
    expect(contacts.at(-1)).toMatchObject({
      line: 304,
      connectedAt: Date.UTC(1842, 8, 14),
      identities: [{ key: 'fake-neo-wu-299' }, {}],
    });
    expect(contacts.every((c) => c.identities.length === 2)).toBe(true);
  });

  it('yields no contacts (and no error) for a real export that has only the preamble and header', async () => {
    const records = await read(linkedinFixture('REAL-Connections-preamble.txt'));
    expect(ofType(records, 'contact')).toEqual([]);
    expect(ofType(records, 'rejected')).toEqual([]);
  });

  it('reads the 2018 layout: no preamble, no URL, US dates; names become name keys', async () => {
    const records = await read(
      'First Name,Last Name,Email Address,Company,Position,Connected On\n' +
        'Zoë,Ångström,,Acme,"Engineer, Senior","1/8/18, 6:14 PM"\n' +
        'Bo,Li,BO@Example.COM,,,12/31/17\n',
    );
    expect(ofType(records, 'contact')).toEqual([
      {
        type: 'contact',
        file: 'Connections.csv',
        line: 2,
        connectedAt: Date.UTC(2018, 0, 8, 18, 14),
        identities: [{ network: 'linkedin', key: 'name:zoe angstrom', displayName: 'Zoë Ångström' }],
        person: {
          displayName: 'Zoë Ångström',
          firstName: 'Zoë',
          lastName: 'Ångström',
          company: 'Acme',
          title: 'Engineer, Senior',
        },
      },
      {
        type: 'contact',
        file: 'Connections.csv',
        line: 3,
        connectedAt: Date.UTC(2017, 11, 31),
        identities: [
          { network: 'linkedin', key: 'name:bo li', displayName: 'Bo Li' },
          { network: 'email', key: 'bo@example.com', displayName: 'Bo Li' },
        ],
        person: {
          displayName: 'Bo Li',
          firstName: 'Bo',
          lastName: 'Li',
          company: undefined,
          title: undefined,
        },
      },
    ]);
  });

  it('reads a UTF-16LE, tab-separated, all-quoted file like the 2018 exports wrote', async () => {
    const text = '"First Name"\t"Last Name"\t"Connected On"\n"Ada"\t"Lovelace"\t"15 Dec 2025"\n';
    const contacts = ofType(await read(utf16le(text)), 'contact');
    expect(contacts.map((c) => [c.line, c.person.displayName, c.connectedAt])).toEqual([
      [2, 'Ada Lovelace', Date.UTC(2025, 11, 15)],
    ]);
  });

  it('rejects rows with an unreadable date or nobody in them, naming line and value', async () => {
    const records = await read('First Name,Last Name,URL,Connected On\nAda,L,,31 Feb 2020\n,,,\nBob,B,,\n');
    expect(ofType(records, 'rejected')).toEqual([
      {
        type: 'rejected',
        file: 'Connections.csv',
        line: 2,
        reason: 'unreadable date in Connected On: "31 Feb 2020"',
      },
      {
        type: 'rejected',
        file: 'Connections.csv',
        line: 3,
        reason: 'connection has no name, profile URL or email',
      },
    ]);
    expect(ofType(records, 'contact').map((c) => [c.line, c.connectedAt])).toEqual([[4, undefined]]);
  });
});
