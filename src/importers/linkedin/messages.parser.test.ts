import { describe, expect, it } from 'vitest';
import { collect, linkedinFixture, memorySource, ofType } from '../fixture-export.test-support.js';
import type { ImportRecord } from '../types.js';
import { LinkedInOwner, LinkedInPeople } from './linkedin-people.js';
import { parseMessages } from './messages.parser.js';

const ADA = { displayName: 'Ada Byron-Lovelace', firstName: 'Ada', lastName: 'Byron-Lovelace' };
const HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';

async function read(
  content: string | Buffer,
  options: { owner?: boolean; chunkSize?: number } = {},
): Promise<ImportRecord[]> {
  const people = new LinkedInPeople();
  const owner = new LinkedInOwner(people);
  if (options.owner !== false) owner.setPerson(ADA);
  const entry = memorySource({ 'messages.csv': content }, { chunkSize: options.chunkSize }).entries[0]!;
  return collect(parseMessages(entry, owner, people));
}

describe('parseMessages on the sample export', () => {
  // Expected numbers from python3's csv module on the same file: 150 rows, 2 with IS MESSAGE
  // DRAFT = true (starting on lines 89 and 137); of the other 148, 70 are FROM the owner and 78
  // not; str.split() counts 3938 words; 148 distinct (conversation, date, sender, content).
  // Group rows: 52 (conv-000009 from its first 2+-recipient row on, all 33 rows of conv-000014).
  const fixture = linkedinFixture('silkyrich__messages.head150.csv');

  it('yields one interaction per sent message, drafts skipped, with exact counts', async () => {
    const records = await read(fixture);
    const messages = ofType(records, 'interaction');
    expect(messages).toHaveLength(148);
    expect(ofType(records, 'rejected')).toEqual([]);
    expect(messages.filter((m) => m.direction === 'out')).toHaveLength(70);
    expect(messages.filter((m) => m.direction === 'in')).toHaveLength(78);
    expect(messages.filter((m) => m.audience === 'group')).toHaveLength(52);
    expect(messages.reduce((sum, m) => sum + (m.length ?? 0), 0)).toBe(3938);
    expect(new Set(messages.map((m) => m.externalId)).size).toBe(148);
    expect(messages.map((m) => m.line)).not.toContain(89);
    expect(messages.map((m) => m.line)).not.toContain(137);
    const keys = new Set(messages.flatMap((m) => m.participants.map((p) => p.key)));
    expect(keys.size).toBe(13);
    expect(keys.has('fake-ada-byron-lovelace')).toBe(false);
  });

  it('reads the first, multi-line message with a whitespace-collapsed snippet', async () => {
    const [first] = ofType(await read(fixture), 'interaction');
    expect(first).toEqual({
      type: 'interaction',
      file: 'messages.csv',
      line: 2,
      externalId: expect.stringMatching(/^msg:[\w-]{27}$/),
      at: Date.UTC(1842, 6, 10, 8, 14),
      channel: 'message',
      network: 'linkedin',
      direction: 'out',
      audience: 'one_to_one',
      length: 42,
      threadId: 'conv-000001',
      snippet:
        'Charles, Attaching my notes on the Bernoulli sequence programme. Can we step through card sets 7 through 12? Two things bothering me: 1. Carry-forward on the mill when the store overflows. 2. Whether ',
      participants: [
        {
          network: 'linkedin',
          key: 'fake-charles-babbage',
          profileUrl: 'https://www.linkedin.com/in/fake-charles-babbage',
          displayName: 'Charles Babbage',
        },
      ],
    });
  });

  it('learns the owner profile URL from the first message the owner sent', async () => {
    const owners = ofType(await read(fixture), 'owner');
    expect(owners).toHaveLength(1);
    expect(owners[0]?.line).toBe(2);
    expect(owners[0]?.identities.map((i) => i.key)).toEqual([
      'name:ada byron-lovelace',
      'fake-ada-byron-lovelace',
    ]);
  });

  it('lists every other recipient of a group message (URLs separated by spaces)', async () => {
    const group = ofType(await read(fixture), 'interaction').filter(
      (m) => m.threadId === 'conv-000014' && m.direction === 'out',
    );
    expect(group).toHaveLength(20);
    expect(group[0]?.participants.map((p) => [p.key, p.displayName])).toEqual([
      ['fake-augustus-de-morgan', 'Augustus De Morgan'],
      ['fake-john-herschel', 'John Herschel'],
      ['fake-trinity-hopper-888', 'Trinity Hopper'],
      ['fake-charles-babbage', 'Charles Babbage'],
    ]);
  });

  it('gives a message the same id in two different exports', async () => {
    const lines = fixture.toString('utf8').split('\n');
    const row = lines.find(
      (l) => l.startsWith('conv-000003,,Michael Faraday,') && l.includes('Royal Institution?'),
    )!;
    const unrelated =
      'conv-9,,Bob,https://www.linkedin.com/in/bob,Ada Byron-Lovelace,,2020-01-01 00:00:00 UTC,,hi,INBOX,,false';
    const fromFixture = ofType(await read(fixture), 'interaction').find(
      (m) => m.line === lines.indexOf(row) + 1,
    );
    const elsewhere = ofType(
      await read(`${lines[0]}\n${unrelated}\n\n${row}\n`, { chunkSize: 7 }),
      'interaction',
    );
    expect(fromFixture?.snippet).toMatch(/^Would you be willing/);
    expect(elsewhere[1]?.line).toBe(4);
    expect(elsewhere[1]?.externalId).toBe(fromFixture?.externalId);
    expect(elsewhere[0]?.externalId).not.toBe(fromFixture?.externalId);
  });

  it('finds the owner without Profile.csv: the one name in every message', async () => {
    const records = await read(fixture, { owner: false });
    const messages = ofType(records, 'interaction');
    expect(ofType(records, 'owner')[0]?.identities.map((i) => i.key)).toEqual(['name:ada byron-lovelace']);
    expect(messages.filter((m) => m.direction === 'out')).toHaveLength(70);
    expect(messages.map((m) => m.line)).toEqual(
      ofType(await read(fixture), 'interaction').map((m) => m.line),
    );
  });
});

describe('parseMessages on awkward rows', () => {
  it('reduces HTML to plain text and never passes markup on', async () => {
    const content =
      '"<p>Hello&nbsp;<b>there</b></p><br>Bye &amp; thanks &#8212; A.<script>alert(1)</script>"';
    const csv = `${HEADER}\nc1,,Bob,https://www.linkedin.com/in/bob,Ada Byron-Lovelace,https://www.linkedin.com/in/ada,2023-05-01 14:22:10 UTC,,${content},INBOX\n`;
    const [message] = ofType(await read(csv), 'interaction');
    expect(message).toMatchObject({
      snippet: 'Hello there Bye & thanks — A.',
      length: 7,
      direction: 'in',
      at: Date.UTC(2023, 4, 1, 14, 22, 10),
    });
  });

  it('keeps multi-line quoted content with CRLF and reports a malformed row with its line', async () => {
    const csv =
      `${HEADER}\r\n` +
      'c1,,Bob,https://www.linkedin.com/in/bob,Ada Byron-Lovelace,,2023-05-01 14:22:10 UTC,,"line one\r\nline ""two""",INBOX\r\n' +
      'c1,,Bob,https://www.linkedin.com/in/bob,Ada Byron-Lovelace,,2023-05-01 14:23:00 UTC,,unquoted, with a comma,INBOX\r\n' +
      'c1,,Bob,https://www.linkedin.com/in/bob,Ada Byron-Lovelace,,not a date,,hi,INBOX\r\n' +
      'c1,,Bob,https://www.linkedin.com/in/bob,Ada Byron-Lovelace,,2023-05-01 14:25:00 UTC,,"never closed,INBOX\r\n';
    const records = await read(csv);
    expect(ofType(records, 'interaction').map((m) => [m.line, m.snippet, m.length])).toEqual([
      [2, 'line one line "two"', 4],
    ]);
    expect(ofType(records, 'rejected')).toEqual([
      {
        type: 'rejected',
        file: 'messages.csv',
        line: 4,
        reason: 'row has 11 fields but the header has 10 (check quoting)',
      },
      { type: 'rejected', file: 'messages.csv', line: 5, reason: 'unreadable date in DATE: "not a date"' },
      {
        type: 'rejected',
        file: 'messages.csv',
        line: 6,
        reason: 'a quoted field starting on this line is never closed',
      },
    ]);
  });

  it('reads the 2018 layout, trusting its Direction column', async () => {
    const csv =
      'From,To,Date,Subject,Content,Direction,Folder\n' +
      'Bob Stone,Ada Byron-Lovelace,"1/8/18, 6:14 PM",Hi,"Hello, Ada",INCOMING,INBOX\n' +
      'Ada Byron-Lovelace,"Bob Stone, Cy Twombly","1/9/18, 9:00 AM",Re: Hi,Hello both,OUTGOING,SENT\n';
    const messages = ofType(await read(csv, { owner: false }), 'interaction');
    expect(
      messages.map((m) => [m.direction, m.audience, m.at, m.participants.map((p) => p.key), m.threadId]),
    ).toEqual([
      ['in', 'one_to_one', Date.UTC(2018, 0, 8, 18, 14), ['name:bob stone'], undefined],
      ['out', 'group', Date.UTC(2018, 0, 9, 9, 0), ['name:bob stone', 'name:cy twombly'], undefined],
    ]);
  });
});
