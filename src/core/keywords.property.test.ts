import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from './duration.js';
import { type TextSample, topKeywords } from './keywords.js';
import { isStopword } from './stopwords.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);

// Text built to provoke every rule: topic words, stopwords in several languages, filler, links,
// addresses, numbers, names, punctuation, and arbitrary Unicode.
const piece = fc.oneof(
  fc.constantFrom('pilot', 'Kubernetes', 'Series-A', 'Q3', 'machine', 'learning', 'équipe', 'Preis'),
  fc.constantFrom('the', 'and', 'der', 'die', 'le', 'la', 'que', 'thanks', 'lol', 'ok', 'hi', "don't"),
  fc.constantFrom('https://evil.example/x', 'www.example.org', 'ada@example.com', '@handle', 'javascript:x'),
  fc.constantFrom('2026', '10am', '3.5', '12,000', 'Ada', 'Lovelace', "Ada's"),
  fc.constantFrom('.', ',', '!', '\n', '  ', '-', '’', '(', ')'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const textArb = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(' '));
const samplesArb = fc.array(
  fc.record({ text: textArb, at: fc.integer({ min: NOW - 400 * DAY_MS, max: NOW + DAY_MS }) }),
  { maxLength: 8 },
);
const maxArb = fc.integer({ min: 0, max: 12 });

const run = (samples: TextSample[], max: number) =>
  topKeywords(samples, { now: NOW, max, exclude: ['Ada Lovelace'] });

describe('topKeywords properties', () => {
  it('returns at most max keywords, each a word or a pair of words', () => {
    fc.assert(
      fc.property(samplesArb, maxArb, (samples, max) => {
        const result = run(samples, max);
        expect(result.length).toBeLessThanOrEqual(max);
        for (const keyword of result) expect(keyword.split(' ').length).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('never returns a stopword, a link, an address, a number or an excluded name', () => {
    fc.assert(
      fc.property(samplesArb, maxArb, (samples, max) => {
        for (const keyword of run(samples, max)) {
          for (const word of keyword.split(' ')) {
            expect(isStopword(word.toLowerCase().replace(/’/g, "'"))).toBe(false);
            expect(word).not.toMatch(/:\/\/|^www\.|@|:/);
            expect(word).not.toMatch(/^[\p{N}'’-]+$/u);
            expect(['ada', 'lovelace']).not.toContain(word.toLowerCase());
          }
        }
      }),
    );
  });

  it('never returns a word that is not in the input', () => {
    fc.assert(
      fc.property(samplesArb, maxArb, (samples, max) => {
        const input = samples.map((s) => s.text).join('\n');
        for (const keyword of run(samples, max)) {
          for (const word of keyword.split(' ')) expect(input).toContain(word);
        }
      }),
    );
  });

  it('is deterministic and independent of the order of the texts', () => {
    fc.assert(
      fc.property(samplesArb, maxArb, (samples, max) => {
        expect(run(samples, max)).toEqual(run(samples, max));
        expect(run([...samples].reverse(), max)).toEqual(run(samples, max));
      }),
    );
  });
});
