import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, textReadable } from './csv-writer.js';

describe('csvField', () => {
  it('quotes only fields with a comma, a quote, CR or LF, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('The "Good" Co.')).toBe('"The ""Good"" Co."');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('round-trips any fields through csv-parse', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 6 }), (fields) => {
        expect(parse(csvRow(fields))).toEqual([fields]);
      }),
    );
  });
});

describe('textReadable', () => {
  it('streams every piece in order', async () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `row ${i}\n`);
    expect(await text(textReadable(pieces))).toBe(pieces.join(''));
  });

  it('stops pulling when nobody reads (backpressure)', async () => {
    let pulled = 0;
    function* endless(): Generator<string> {
      for (;;) {
        pulled++;
        yield 'x'.repeat(1024);
      }
    }
    const stream = textReadable(endless());
    stream.on('readable', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pulled).toBeLessThan(300);
    stream.destroy();
  });
});
