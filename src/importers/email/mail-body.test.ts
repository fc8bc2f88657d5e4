import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, decodeQuotedPrintableBytes } from './encoded-words.js';
import { ownWords } from './mail-body.js';

/** ownWords as first written: the rule, by regular expressions (the fast paths must match it). */
const byRule = (text: string): string =>
  text
    .replace(/^>(>*From )/gm, '$1')
    .split('\n')
    .filter((line) => !line.startsWith('>'))
    .join('\n');

const pieces = (...values: string[]) =>
  fc.array(fc.constantFrom(...values), { maxLength: 30 }).map((parts) => parts.join(''));

describe('ownWords', () => {
  it('leaves out quoted lines and undoes >From escapes, whatever the line breaks', () => {
    const text = pieces(
      '>',
      '>>',
      'From ',
      'From',
      '>From ',
      'x',
      ' ',
      '\n',
      '\r\n',
      '\r',
      '\u2028',
      '\u2029',
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(ownWords({ text: t, html: false })).toBe(byRule(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps HTML as it is', () => {
    expect(ownWords({ text: '> not a quote', html: true })).toBe('> not a quote');
  });
});

describe('decodeQuotedPrintableBytes', () => {
  it('decodes as decodeQuotedPrintable does on the Latin-1 text', () => {
    const text = pieces(
      '=',
      '=3D',
      '=C3=BC',
      '=c3',
      '=G1',
      '= \r\n',
      '=\n',
      '=  \t\n',
      'a',
      ' ',
      '\r\n',
      '\n',
      'é',
    );
    fc.assert(
      fc.property(text, (t) => {
        const bytes = Buffer.from(t, 'latin1');
        expect(decodeQuotedPrintableBytes(bytes)).toEqual(decodeQuotedPrintable(bytes.toString('latin1')));
      }),
      { numRuns: 2000 },
    );
  });
});
