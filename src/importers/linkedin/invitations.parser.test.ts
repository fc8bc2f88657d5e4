import { describe, expect, it } from 'vitest';
import { collect, linkedinFixture, memorySource, ofType } from '../fixture-export.test-support.js';
import { parseInvitations } from './invitations.parser.js';
import { LinkedInOwner, LinkedInPeople } from './linkedin-people.js';

async function read(content: string | Buffer, knownOwner = true) {
  const people = new LinkedInPeople();
  const owner = new LinkedInOwner(people);
  if (knownOwner) owner.setPerson({ displayName: 'Ada Byron-Lovelace' });
  return collect(parseInvitations(memorySource({ 'Invitations.csv': content }).entries[0]!, owner, people));
}

describe('parseInvitations', () => {
  it('reads the sample export with exact counts', async () => {
    // From python3's csv module on the same file: 162 rows, Direction OUTGOING 85 / INCOMING 77,
    // 83 with a non-blank Message; str.split() counts 1087 words in the messages.
    const records = await read(linkedinFixture('silkyrich__Invitations.csv'));
    const touches = ofType(records, 'interaction');
    expect(touches).toHaveLength(162);
    expect(ofType(records, 'rejected')).toEqual([]);
    expect(touches.filter((t) => t.direction === 'out')).toHaveLength(85);
    expect(touches.filter((t) => t.channel === 'message')).toHaveLength(83);
    expect(touches.filter((t) => t.channel === 'reaction')).toHaveLength(79);
    expect(touches.reduce((sum, t) => sum + (t.length ?? 0), 0)).toBe(1087);
    expect(touches.every((t) => t.audience === 'one_to_one' && t.participants.length === 1)).toBe(true);
    expect(touches.some((t) => t.participants[0]?.key === 'fake-ada-byron-lovelace')).toBe(false);
    expect(touches[1]).toEqual({
      type: 'interaction',
      file: 'Invitations.csv',
      line: 3,
      externalId: expect.stringMatching(/^inv:/),
      at: Date.UTC(1833, 4, 18, 7, 47, 49),
      channel: 'reaction',
      network: 'linkedin',
      direction: 'in',
      audience: 'one_to_one',
      length: null,
      snippet: undefined,
      participants: [
        {
          network: 'linkedin',
          key: 'fake-faramir-granger-1721',
          profileUrl: 'https://www.linkedin.com/in/fake-faramir-granger-1721',
          displayName: 'Faramir Granger',
        },
      ],
    });
  });

  it("learns the owner's profile URL from the first invitation", async () => {
    const owners = ofType(await read(linkedinFixture('silkyrich__Invitations.csv')), 'owner');
    expect(owners.map((o) => [o.line, o.identities.map((i) => i.key)])).toEqual([
      [2, ['name:ada byron-lovelace', 'fake-ada-byron-lovelace']],
    ]);
  });

  it('reads the 2018 layout (no URLs) and rejects a row whose direction cannot be told', async () => {
    const records = await read(
      'From,To,Sent At,Message,Direction\n' +
        'Bob Stone,Ada Byron-Lovelace,"1/8/18, 6:14 PM",,INCOMING\n' +
        'Cy Twombly,Di Arbus,"1/9/18, 6:14 PM",Hi,\n',
      false,
    );
    expect(
      ofType(records, 'interaction').map((t) => [t.direction, t.channel, t.participants[0]?.key]),
    ).toEqual([['in', 'reaction', 'name:bob stone']]);
    expect(ofType(records, 'rejected').map((r) => r.line)).toEqual([3]);
  });
});
