import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeMbox } from './large-mbox.js';
import { generateLargeTwitterArchive } from './large-twitter-archive.js';
import { NOW, ytdItems } from './multi-source.test-support.js';
import { unzip } from './read-export.test-support.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-large-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Dm {
  dmConversation: {
    conversationId: string;
    messages: { messageCreate: { createdAt: string; senderId: string } }[];
  };
}

describe('generateLargeTwitterArchive', () => {
  it('holds exactly `dms` messages over one conversation per person, newest first, the same bytes for a seed', async () => {
    const options = { seed: 5, dms: 5000, people: 40, now: NOW };
    const result = await generateLargeTwitterArchive(join(dir, 'a.zip'), options);
    const files = await unzip(result.path);
    const conversations = ytdItems(files.get('data/direct-messages.js')) as Dm[];
    expect(conversations).toHaveLength(40);
    const messages = conversations.flatMap((c) => c.dmConversation.messages);
    expect(messages).toHaveLength(5000);
    for (const c of conversations) {
      const times = c.dmConversation.messages.map((m) => Date.parse(m.messageCreate.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    }
    const followers = ytdItems(files.get('data/follower.js')).length;
    const following = ytdItems(files.get('data/following.js')).length;
    expect(result.records).toBe(5000 + followers + following);
    const again = await generateLargeTwitterArchive(join(dir, 'b.zip'), options);
    expect((await readFile(again.path)).equals(await readFile(result.path))).toBe(true);
  });

  it('gives one message each when there are fewer messages than people, and none for zero', async () => {
    const few = await generateLargeTwitterArchive(join(dir, 'few.zip'), {
      seed: 1,
      dms: 3,
      people: 10,
      now: NOW,
    });
    const conversations = ytdItems((await unzip(few.path)).get('data/direct-messages.js')) as Dm[];
    expect(conversations.map((c) => c.dmConversation.messages.length)).toEqual([1, 1, 1]);
    const none = await generateLargeTwitterArchive(join(dir, 'none.zip'), {
      seed: 1,
      dms: 0,
      people: 2,
      now: NOW,
    });
    expect(ytdItems((await unzip(none.path)).get('data/direct-messages.js'))).toEqual([]);
    await expect(
      generateLargeTwitterArchive(join(dir, 'bad.zip'), { seed: 1, dms: -1, people: 2, now: NOW }),
    ).rejects.toMatchObject({ code: 'input.invalid' });
  });
});

describe('generateLargeMbox', () => {
  it('holds exactly `messages` messages, list mail among them, the same bytes for a seed', async () => {
    const options = { seed: 9, messages: 1200, people: 30, now: NOW };
    const result = await generateLargeMbox(join(dir, 'a.mbox'), options);
    const text = await readFile(result.path, 'utf8');
    expect(text.match(/^From \d+@xxx /gm)).toHaveLength(1200);
    expect(result.records).toBe(1200);
    expect(text).toMatch(/^List-Id: /m);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const again = await generateLargeMbox(join(dir, 'b.mbox'), options);
    expect((await readFile(again.path)).equals(await readFile(result.path))).toBe(true);
    const one = await generateLargeMbox(join(dir, 'one.mbox'), { ...options, messages: 1 });
    expect((await readFile(one.path, 'utf8')).match(/^From /gm)).toHaveLength(1);
    await expect(generateLargeMbox(join(dir, 'bad.mbox'), { ...options, people: 0 })).rejects.toMatchObject({
      code: 'input.invalid',
    });
  });
});
