import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berlinOffset, euClockChange, foldLine, icsText, paramValue } from './ics-format.js';

describe('foldLine', () => {
  it('keeps every line within 75 octets and unfolds to the original, whole characters only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `DESCRIPTION:${s.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });
});

describe('values', () => {
  it('escapes TEXT and quotes parameters that need it', () => {
    expect(icsText('Café Central, Herrengasse 14; Wien\\\nnext')).toBe(
      'Café Central\\, Herrengasse 14\\; Wien\\\\\\nnext',
    );
    expect(paramValue('Núñez, José')).toBe('"Núñez, José"');
    expect(paramValue('Morgan Avery')).toBe('Morgan Avery');
  });
});

describe('EU clock changes', () => {
  it('fall on the last Sundays of March and October at 01:00 UTC', () => {
    expect(euClockChange(2025, 2)).toBe(Date.UTC(2025, 2, 30, 1));
    expect(euClockChange(2025, 9)).toBe(Date.UTC(2025, 9, 26, 1));
    expect(berlinOffset(Date.UTC(2025, 9, 26, 0, 59))).toBe(120);
    expect(berlinOffset(Date.UTC(2025, 9, 26, 1))).toBe(60);
  });
});
