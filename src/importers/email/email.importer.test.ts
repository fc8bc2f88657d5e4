import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openExport } from '../export-source.js';
import { collect, memorySource, ofType, writeTempFolder } from '../fixture-export.test-support.js';
import type { ImportRecord } from '../types.js';
import { emailImporter, OWNER_HOLD } from './email.importer.js';
import { gmail, mbox } from './mail.test-support.js';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/email/', import.meta.url));

const count = (records: ImportRecord[]) => ({
  owners: ofType(records, 'owner').length,
  interactions: ofType(records, 'interaction').length,
  rejected: ofType(records, 'rejected').length,
  skipped: ofType(records, 'file').filter((f) => f.status === 'skipped').length,
});

describe('emailImporter on a Gmail Takeout mbox', () => {
  const ME = 'me@gmail.com';
  const messages = [
    gmail({ id: 'm1', from: 'Bob <bob@x.com>', to: ME, labels: 'Inbox,Category Personal', thread: '11' }),
    gmail({ id: 'm2', from: `Me <${ME}>`, to: 'Bob <bob@x.com>', labels: 'Sent', thread: '11' }),
    gmail({ id: 'm3', from: ME, to: 'bob@x.com', cc: 'Carol <carol@y.org>', labels: 'Sent' }),
    gmail({ id: 'm4', from: 'carol@y.org', to: ME, cc: 'dave@z.net' }),
    gmail({ id: 'm5', from: 'list@x.com', to: ME, extra: ['List-Id: <team.x.com>'] }),
    gmail({ id: 'm6', from: 'news@shop.com', to: ME, extra: ['List-Unsubscribe: <mailto:u@shop.com>'] }),
    gmail({ id: 'm7', from: 'no-reply@accounts.example.com', to: ME }),
    gmail({ id: 'm8', from: 'boss@x.com', to: ME, extra: ['Precedence: bulk'] }),
    gmail({ id: 'm9', from: 'eve@x.com', to: `${ME}, a@x.com, b@x.com, c@x.com, d@x.com, e@x.com, f@x.com` }),
    gmail({ id: 'm10', from: 'deals@shop.com', to: ME, labels: 'Category Promotions' }),
    gmail({ id: 'm11', from: '=?utf-8?Q?Zo=C3=AB_K?= <zoe@x.com>', to: ME }),
    gmail({ id: undefined, from: 'frank@x.com', to: ME, subject: 'no id' }),
    gmail({ id: 'm13', from: 'gina@x.com', to: ME, date: null }),
    gmail({
      id: 'm14',
      from: 'hal@x.com',
      to: ME,
      body: 'Three own words\r\n>From escaped\r\n> old quoted reply text\r\n',
    }),
    gmail({ id: 'm15', from: ME, to: ME, labels: 'Sent' }),
  ];

  it('finds the owner, directions, audiences and skips what is not a conversation', async () => {
    const records = await collect(
      emailImporter.parse(memorySource({ 'All mail.mbox': mbox(messages) }, { chunkSize: 100 })),
    );
    expect(count(records)).toEqual({ owners: 1, interactions: 8, rejected: 7, skipped: 0 });
    expect(ofType(records, 'owner')[0]).toMatchObject({
      identities: [{ network: 'email', key: ME }],
      person: { displayName: 'Me' },
    });
    expect(records.findIndex((r) => r.type === 'owner')).toBeLessThan(
      records.findIndex((r) => r.type === 'interaction'),
    );
    expect(ofType(records, 'rejected').map((r) => r.reason)).toEqual([
      'not a conversation: mailing list (List-Id)',
      'not a conversation: newsletter or mailing list (List-Unsubscribe)',
      'not a conversation: automated sender no-reply@accounts.example.com',
      'not a conversation: bulk mail (Precedence: bulk)',
      'not a conversation: sent to 7 people (more than 5)',
      'not a conversation: Gmail category Promotions',
      'not a conversation: a message to yourself',
    ]);
    const view = ofType(records, 'interaction').map((r) => [
      r.direction,
      r.audience,
      r.participants.map((p) => p.key).join('+'),
    ]);
    expect(view).toEqual([
      ['in', 'one_to_one', 'bob@x.com'],
      ['out', 'one_to_one', 'bob@x.com'],
      ['out', 'group', 'bob@x.com+carol@y.org'],
      ['in', 'group', 'carol@y.org+dave@z.net'],
      ['in', 'one_to_one', 'zoe@x.com'],
      ['in', 'one_to_one', 'frank@x.com'],
      ['in', 'one_to_one', 'gina@x.com'],
      ['in', 'one_to_one', 'hal@x.com'],
    ]);
    const [m1, m2, , , zoe, , gina, hal] = ofType(records, 'interaction');
    expect(m1!.threadId).toBe('gmail:11');
    expect(m2!.threadId).toBe('gmail:11');
    expect(zoe!.participants[0]!.displayName).toBe('Zoë K');
    expect(gina!.at).toBe(Date.UTC(2016, 5, 16, 22, 26, 51)); // no Date: the From_ line's
    expect(hal).toMatchObject({ length: 5, snippet: 'Three own words From escaped' });
  });

  it('gives the same ids to the same messages in overlapping exports', async () => {
    const ids = async (list: string[]) =>
      ofType(await collect(emailImporter.parse(memorySource({ 'a.mbox': mbox(list) }))), 'interaction').map(
        (r) => r.externalId,
      );
    const first = await ids(messages.slice(0, 4));
    const second = await ids([...messages.slice(2, 4), messages[11]!]);
    expect(second.slice(0, 2)).toEqual(first.slice(2, 4));
    expect(new Set([...first, ...second]).size).toBe(5);
    expect(await ids([messages[11]!])).toEqual(second.slice(2));
  });

  it('finds the owner of a plain mbox as the address in most messages', async () => {
    const plainBox = mbox([
      gmail({ id: 'p1', from: 'ann@a.com', to: 'ben@b.com', labels: null, deliveredTo: null }),
      gmail({ id: 'p2', from: 'cat@c.com', to: 'ann@a.com', labels: null, deliveredTo: null }),
      gmail({ id: 'p3', from: 'ann@a.com', to: 'dan@d.com', labels: null, deliveredTo: null }),
    ]);
    const records = await collect(emailImporter.parse(memorySource({ 'x.mbox': plainBox })));
    expect(ofType(records, 'owner')[0]!.identities[0]!.key).toBe('ann@a.com');
    expect(ofType(records, 'interaction').map((r) => r.direction)).toEqual(['out', 'in', 'out']);
  });

  it('reads a message with a huge attachment from its first bytes only', async () => {
    const attachment = 'QUJD'.repeat(1_000_000); // 4 MB of base64
    const body = `--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--b--\r\n`;
    const big = gmail({
      id: 'big',
      from: 'ivy@x.com',
      to: ME,
      body,
      extra: ['Content-Type: multipart/mixed; boundary=b'],
    });
    const records = await collect(emailImporter.parse(memorySource({ 'x.mbox': mbox([big, messages[0]!]) })));
    expect(ofType(records, 'interaction').map((r) => [r.participants[0]!.key, r.length])).toEqual([
      ['ivy@x.com', 2],
      ['bob@x.com', 2],
    ]);
  });

  it('reads a Takeout folder and a single .eml file opened from disk', async () => {
    const root = await writeTempFolder({
      'Takeout/Mail/All mail Including Spam and Trash.mbox': mbox(messages.slice(0, 4)),
      'Takeout/archive_browser.html': '<html></html>',
    });
    const folder = await openExport(root);
    const records = await collect(emailImporter.parse(folder));
    expect(count(records)).toEqual({ owners: 1, interactions: 4, rejected: 0, skipped: 1 });
    const single = await openExport(join(FIXTURES, 'mail-parser__resources__eml__legacy_003.eml'));
    expect(count(await collect(emailImporter.parse(single)))).toEqual({
      owners: 0,
      interactions: 1,
      rejected: 0,
      skipped: 0,
    });
  });

  it('settles the owner after OWNER_HOLD messages and learns a later sending address', async () => {
    const many = Array.from({ length: OWNER_HOLD }, (_, i) =>
      gmail({ id: `h${i}`, from: `p${i % 7}@x.com`, to: ME }),
    );
    many.push(
      gmail({
        id: 'alias',
        from: 'Me <me@work.example>',
        to: 'bob@x.com',
        labels: 'Sent',
        deliveredTo: null,
      }),
    );
    const records = await collect(emailImporter.parseBatches!(memorySource({ 'x.mbox': mbox(many) })));
    expect(ofType(records, 'owner').map((o) => o.identities.map((i) => i.key))).toEqual([
      [ME],
      [ME, 'me@work.example'],
    ]);
    expect(ofType(records, 'interaction').at(-1)).toMatchObject({
      direction: 'out',
      participants: [{ key: 'bob@x.com' }],
    });
  });

  it('reads Bcc in the owner’s own copy of sent mail as recipients', async () => {
    const sent = gmail({
      id: 'b1',
      from: ME,
      to: 'undisclosed-recipients:;',
      labels: 'Sent',
      extra: ['Bcc: Kim <kim@x.com>'],
    });
    const records = await collect(emailImporter.parse(memorySource({ 'x.mbox': mbox([sent]) })));
    expect(ofType(records, 'interaction').map((r) => [r.direction, r.participants[0]!.key])).toEqual([
      ['out', 'kim@x.com'],
    ]);
  });
});
