import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ctimeUtc } from './life-dates.js';
import { snowflake, twitterJson, ytdFile } from './twitter-json.js';

describe('twitterJson', () => {
  it('writes the archive style: `"key" : value`, two-space indents, empty `[ ]` and `{ }`', () => {
    expect(twitterJson({ a: [], b: {}, c: ['1'], d: { e: 'x' } })).toBe(
      '{\n  "a" : [ ],\n  "b" : { },\n  "c" : [\n    "1"\n  ],\n  "d" : {\n    "e" : "x"\n  }\n}',
    );
    expect(ytdFile('follower', [])).toBe('window.YTD.follower.part0 = [ ]');
    expect(ytdFile('follower', [{ a: '1' }])).toBe(
      'window.YTD.follower.part0 = [\n  {\n    "a" : "1"\n  }\n]',
    );
  });

  it('is JSON that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.stringify(JSON.parse(twitterJson(v)))).toBe(JSON.stringify(v));
      }),
    );
  });
});

describe('Twitter ids and dates', () => {
  it('puts the time in a Snowflake id the way Twitter does', () => {
    // A real tweet: id 1269253350735982592, created Sat Jun 06 13:02:35 +0000 2020 (editable until +1 h, at .059).
    const at = Date.parse('2020-06-06T13:02:35.059Z');
    expect(BigInt(snowflake(at, 0)) >> 22n).toBe(1269253350735982592n >> 22n);
    expect(ctimeUtc(at)).toBe('Sat Jun 06 13:02:35 +0000 2020');
  });
});
