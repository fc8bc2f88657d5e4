import { describe, expect, it } from 'vitest';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import { twitterImporter } from './twitter.importer.js';
import { parseIsoDate, parseTweetDate } from './twitter-dates.js';
import { roleOf } from './twitter-files.js';

describe('Twitter archive eras', () => {
  it('reads every created_at format', () => {
    expect(parseTweetDate('Sat Jun 06 13:02:35 +0000 2020')).toBe(Date.UTC(2020, 5, 6, 13, 2, 35));
    expect(parseTweetDate('Mon Jul 22 16:10:57 +0200 2013')).toBe(Date.UTC(2013, 6, 22, 14, 10, 57));
    expect(parseTweetDate('2013-07-22 14:10:57 +0000')).toBe(Date.UTC(2013, 6, 22, 14, 10, 57));
    expect(parseTweetDate('2020-06-06T13:02:35.059Z')).toBe(Date.UTC(2020, 5, 6, 13, 2, 35, 59));
    for (const bad of ['', 'Sat Foo 06 13:02:35 +0000 2020', '2020-13-01 00:00:00 +0000', 42, null]) {
      expect(parseTweetDate(bad)).toBeUndefined();
    }
    expect(parseIsoDate('2024-03-01')).toBeUndefined(); // no time, no zone: not a message timestamp
  });

  it('names files of every era', () => {
    expect(roleOf('data/tweets-part12.js')).toBe('tweets');
    expect(roleOf('tweet.js')).toBe('tweets');
    expect(roleOf('Direct-Message.js')).toBe('direct-messages');
    expect(roleOf('data/direct-message-group.js')).toBe('group-messages');
    expect(roleOf('data/direct-messages-group-part1.js')).toBe('group-messages');
    expect(roleOf('data/js/tweets/2012_12.js')).toBe('tweets');
    expect(roleOf('data/js/user_details.js')).toBe('user-details');
    expect(roleOf('data/direct-message-group-headers.js')).toBeUndefined();
    expect(roleOf('data/tweets.json')).toBeUndefined();
  });

  it('reads a pre-2019 "Grailbird" archive: user_details.js and monthly tweet files', async () => {
    const details =
      'var user_details =  {\n  "screen_name" : "old",\n  "full_name" : "Old Timer",\n  "id" : "42"\n}';
    const month = `Grailbird.data.tweets_2013_07 = \n ${JSON.stringify([
      {
        id_str: '1',
        created_at: '2013-07-22 14:10:57 +0000',
        text: '@pal sure',
        in_reply_to_user_id_str: '7',
        in_reply_to_screen_name: 'pal',
        entities: { user_mentions: [{ id_str: '7', screen_name: 'pal', name: 'Pal' }] },
      },
      {
        id_str: '2',
        created_at: '2013-07-23 09:00:00 +0000',
        text: 'RT @star: big news',
        retweeted_status: { user: { id_str: '8', screen_name: 'star', name: 'Star' } },
        entities: { user_mentions: [] },
      },
    ])}`;
    const records = await collect(
      twitterImporter.parse(
        memorySource({ 'data/js/user_details.js': details, 'data/js/tweets/2013_07.js': month }),
      ),
    );
    expect(ofType(records, 'rejected')).toEqual([]);
    expect(ofType(records, 'owner')[0]).toMatchObject({ identities: [{ key: '42', handle: 'old' }] });
    expect(ofType(records, 'interaction').map((i) => [i.channel, i.at, i.participants[0]])).toEqual([
      [
        'comment',
        Date.UTC(2013, 6, 22, 14, 10, 57),
        expect.objectContaining({ key: '7', handle: 'pal', displayName: 'Pal' }),
      ],
      [
        'reaction',
        Date.UTC(2013, 6, 23, 9),
        expect.objectContaining({ key: '8', handle: 'star', displayName: 'Star' }),
      ],
    ]);
  });
});
