import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixMojibake, fixMojibakeDeep } from './mojibake.js';

/** What Meta writes: the UTF-8 bytes of `s`, one character per byte. */
const garble = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

describe('fixMojibake', () => {
  it('turns UTF-8 bytes written as characters back into text', () => {
    expect(fixMojibake('Ren\u00c3\u00a9e')).toBe('Renée');
    expect(fixMojibake('Ã©')).toBe('é');
    expect(fixMojibake(garble('Zoë Ångström 東京 👍'))).toBe('Zoë Ångström 東京 👍');
    expect(fixMojibake(garble('Reacted ❤️ to your message '))).toBe('Reacted ❤️ to your message ');
  });

  it('keeps text that is not mojibake', () => {
    expect(fixMojibake('plain ascii')).toBe('plain ascii');
    expect(fixMojibake('café')).toBe('café'); // real Latin-1: 0xE9 alone is not UTF-8
    expect(fixMojibake('Renée 東京')).toBe('Renée 東京'); // already decoded: a code unit above 0xFF
    expect(fixMojibake('')).toBe('');
  });

  it('round-trips any text, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(fixMojibake(garble(s))).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(typeof fixMojibake(s)).toBe('string');
      }),
    );
  });

  it('fixes every string in a parsed value, keys included', () => {
    const fixed = fixMojibakeDeep({
      n: garble('Zoë'),
      list: [garble('é'), 1, null, { [garble('ö')]: true }],
    });
    expect(JSON.parse(JSON.stringify(fixed))).toEqual({ n: 'Zoë', list: ['é', 1, null, { ö: true }] });
  });
});
