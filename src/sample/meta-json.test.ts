import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaJson, threadStem } from './meta-json.js';
import { unGarble } from './multi-source.test-support.js';

describe('metaJson', () => {
  it('writes every non-ASCII character as its UTF-8 bytes, each escaped \\u00XX', () => {
    const text = metaJson({ name: 'é', emoji: '😀' });
    expect(text).toContain('"name": "\\u00c3\\u00a9"');
    expect(text).toContain('"emoji": "\\u00f0\\u009f\\u0098\\u0080"');
    expect(text).toMatch(/^[\n\x20-\x7e]*$/);
  });

  it('gives back any text once the mojibake is undone (as importers repair it)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const parsed = JSON.parse(metaJson({ s })) as { s: string };
        expect(unGarble(parsed.s)).toBe(s);
      }),
    );
  });
});

describe('threadStem', () => {
  it('keeps the letters and digits of a name, folded', () => {
    expect(threadStem('Zoë Ång')).toBe('zoeang');
    expect(threadStem("Siobhán O'Brien")).toBe('siobhanobrien');
    expect(threadStem('Café crew ☕')).toBe('cafecrew');
  });
});
