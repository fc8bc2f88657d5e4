import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMultiSourceExport } from './multi-source.generator.js';
import {
  jsonEntries,
  LIFE,
  type Life,
  leaves,
  makeLife,
  unGarble,
  ytdItems,
} from './multi-source.test-support.js';
import { csvRecords } from './read-export.test-support.js';

let life: Life;
beforeAll(async () => {
  life = await makeLife();
});
afterAll(() => life.cleanup());

const records = (source: string) => life.result.files.find((f) => f.source === source)?.records;

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), await readFile(path));
  }
  return out;
}

describe('generateMultiSourceExport: the files', () => {
  it('writes every source, each file non-empty with records', () => {
    const sources = life.result.files.map((f) => f.source);
    expect(new Set(sources)).toEqual(
      new Set([
        'linkedin',
        'twitter',
        'facebook',
        'instagram',
        'skype',
        'hangouts',
        'whatsapp',
        'email',
        'calendar',
        'vcard',
        'csv',
      ]),
    );
    expect(sources.filter((s) => s === 'whatsapp')).toHaveLength(3);
    for (const f of life.result.files) expect(f.records).toBeGreaterThan(0);
    expect(life.result.cast).toHaveLength(LIFE.people);
  });

  it('is byte-identical for the same seed, whatever the time zone, and differs for another seed', async () => {
    const first = await tree(life.result.dir);
    const saved = process.env.TZ;
    let again: Map<string, Buffer>;
    try {
      process.env.TZ = 'Pacific/Chatham';
      again = await tree((await generateMultiSourceExport(join(life.dir, 'again'), LIFE)).dir);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect([...again.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first) expect(again.get(name)?.equals(bytes), name).toBe(true);
    const other = await tree(
      (await generateMultiSourceExport(join(life.dir, 'other'), { ...LIFE, seed: 43 })).dir,
    );
    const same = [...other].filter(([name, bytes]) => first.get(name)?.equals(bytes));
    expect(same).toEqual([]);
  });

  it('rejects casts too small for every cross-link, and bad numbers', async () => {
    const at = join(life.dir, 'bad');
    await expect(generateMultiSourceExport(at, { ...LIFE, people: 23 })).rejects.toMatchObject({
      code: 'input.invalid',
    });
    await expect(generateMultiSourceExport(at, { ...LIFE, scale: 0 })).rejects.toMatchObject({
      code: 'input.invalid',
    });
    await expect(generateMultiSourceExport(at, { ...LIFE, now: Number.NaN })).rejects.toMatchObject({
      code: 'input.invalid',
    });
  });

  it('scales message counts with `scale`', async () => {
    const big = await generateMultiSourceExport(join(life.dir, 'big'), { ...LIFE, scale: 3 });
    const count = (r: typeof big, s: string) => r.files.find((f) => f.source === s)?.records ?? 0;
    for (const s of ['linkedin', 'facebook', 'email', 'skype'])
      expect(count(big, s)).toBeGreaterThan(count(life.result, s));
  });
});

describe('generateMultiSourceExport: the zips parse to `records` records', () => {
  it('LinkedIn: connections + messages + invitations', async () => {
    const files = await life.zip('linkedin');
    const rows = (name: string, from = 1) => csvRecords(files.get(name) ?? '', from).length;
    expect(rows('Connections.csv', 4) + rows('messages.csv') + rows('Invitations.csv')).toBe(
      records('linkedin'),
    );
  });

  it('Twitter: window.YTD files, numbers as strings, created_at in Twitter form', async () => {
    const files = await life.zip('twitter');
    expect([...files.keys()].sort()).toEqual(
      [
        'account',
        'direct-messages-group',
        'direct-messages',
        'follower',
        'following',
        'manifest',
        'tweets',
      ].map((n) => `data/${n}.js`),
    );
    const items = (name: string) => ytdItems(files.get(`data/${name}.js`));
    const messages = (name: string) =>
      items(name)
        .flatMap(
          (c) => (c as { dmConversation: { messages: Record<string, unknown>[] } }).dmConversation.messages,
        )
        .filter((m) => 'messageCreate' in m);
    const tweets = items('tweets') as { tweet: Record<string, unknown> }[];
    const total = items('follower').length + items('following').length + tweets.length;
    expect(total + messages('direct-messages').length + messages('direct-messages-group').length).toBe(
      records('twitter'),
    );
    for (const t of tweets)
      expect(t.tweet.created_at).toMatch(
        /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \+0000 \d{4}$/,
      );
    for (const name of ['tweets', 'direct-messages', 'follower'])
      expect(leaves(items(name)).some((v) => typeof v === 'number')).toBe(false);
    const group = items('direct-messages-group')[0] as { dmConversation: { messages: object[] } };
    const kinds = new Set(group.dmConversation.messages.map((m) => Object.keys(m)[0]));
    expect(kinds).toEqual(
      new Set(['messageCreate', 'joinConversation', 'conversationNameUpdate', 'participantsJoin']),
    );
    const manifest = files.get('data/manifest.js') ?? '';
    expect(JSON.parse(manifest.replace(/^window\.__THAR_CONFIG = /, '')).userInfo.accountId).toBe(
      life.result.owner.twitterId,
    );
  });

  it('Facebook: friends + messages over every page, message_1 newest, all in mojibake', async () => {
    const files = await life.zip('facebook');
    for (const text of files.values()) expect(text).toMatch(/^[\t\n\x20-\x7e]*$/);
    const friends = JSON.parse(files.get('connections/friends/your_friends.json') ?? '').friends_v2;
    const pages = jsonEntries(
      files,
      /^your_facebook_activity\/messages\/inbox\/[a-z0-9]+_\d+\/message_\d+\.json$/,
    );
    const messages = pages.flatMap(([, page]) => (page as { messages: { timestamp_ms: number }[] }).messages);
    expect(friends.length + messages.length).toBe(records('facebook'));
    const paged = pages.filter(([name]) => name.endsWith('message_2.json'));
    expect(paged.length).toBeGreaterThan(0);
    type Page = { messages: { timestamp_ms: number }[] };
    const [secondName, secondPage] = paged[0] as [string, Page];
    const firstPage = JSON.parse(files.get(secondName.replace('message_2', 'message_1')) ?? '') as Page;
    const stamps = (page: Page) => page.messages.map((m) => m.timestamp_ms);
    expect(Math.min(...stamps(firstPage))).toBeGreaterThan(Math.max(...stamps(secondPage)));
    const calls = messages.filter((m) => 'call_duration' in m);
    expect(calls.length).toBeGreaterThan(0);
    const raw = [...files.values()].join('');
    expect(raw).toContain('Caf\\u00c3\\u00a9 crew \\u00e2\\u0098\\u0095');
    const titles = pages.map(([, p]) => unGarble((p as { title: string }).title));
    expect(titles).toContain('Café crew ☕');
  });

  it('Instagram: followers + followings + messages, with system texts', async () => {
    const files = await life.zip('instagram');
    const followers = JSON.parse(files.get('connections/followers_and_following/followers_1.json') ?? '');
    const following = JSON.parse(files.get('connections/followers_and_following/following.json') ?? '');
    const threads = jsonEntries(
      files,
      /^your_instagram_activity\/messages\/inbox\/[a-z0-9_]+_\d+\/message_1\.json$/,
    );
    const messages = threads.flatMap(([, t]) => (t as { messages: { content?: string }[] }).messages);
    expect(Array.isArray(followers)).toBe(true);
    expect(followers.length + following.relationships_following.length + messages.length).toBe(
      records('instagram'),
    );
    expect(messages.some((m) => m.content === 'Liked a message')).toBe(true);
  });
});
