import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonPath, JsonScanner } from './json-scanner.js';

type Picked = { path: (string | number)[]; value: unknown };

/** Scans `text` cut into pieces at `cuts`; the picks, or the error it threw. */
function scan(text: string, pick: (path: JsonPath) => boolean, cuts: readonly number[] = []) {
  const picks: Picked[] = [];
  const scanner = new JsonScanner(pick, (path, value) => {
    picks.push({ path: [...path], value });
    return undefined;
  });
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  try {
    let last = 0;
    for (const cut of [...at, text.length]) {
      scanner.push(text.slice(last, cut));
      last = cut;
    }
    scanner.end();
    return { picks, error: undefined };
  } catch (error) {
    return { picks, error };
  }
}

/** What the scanner must find: every value at `depth` (with its path), read whole. */
function expected(value: unknown, depth: number, path: (string | number)[] = []): Picked[] {
  if (path.length === depth) return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => expected(item, depth, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => expected(item, depth, [...path, key]));
  return [];
}

describe('JsonScanner', () => {
  it('finds the values JSON.parse finds, by path, however the text is cut', () => {
    fc.assert(
      fc.property(
        fc.json({ maxDepth: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        (text, depth, cuts, spaced) => {
          const doc = spaced ? JSON.stringify(JSON.parse(text), null, 2) : text;
          const { picks, error } = scan(doc, (p) => p.length === depth, cuts);
          expect(error).toBeUndefined();
          expect(picks).toEqual(expected(JSON.parse(doc), depth));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects exactly what JSON.parse rejects', () => {
    const jsonish = fc.stringMatching(/^[[\]{}",:0-9a-z.\\ -]{0,40}$/);
    fc.assert(
      fc.property(
        fc.oneof(
          jsonish,
          fc.json().map((t) => t.slice(0, -1)),
        ),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, depth, cuts) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(scan(text, (p) => p.length === depth, cuts).error === undefined).toBe(valid);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a value spread over many pieces once it is whole', () => {
    const big = { text: 'x'.repeat(10_000), list: Array.from({ length: 500 }, (_, i) => ({ i, s: '"\\' })) };
    const doc = JSON.stringify([big, 'tail']);
    const cuts = Array.from({ length: doc.length / 7 }, (_, i) => i * 7);
    const { picks, error } = scan(doc, (p) => p.length === 1, cuts);
    expect(error).toBeUndefined();
    expect(picks).toEqual([
      { path: [0], value: big },
      { path: [1], value: 'tail' },
    ]);
  });

  it('stops when the handler asks, reading nothing after', () => {
    const picks: unknown[] = [];
    const scanner = new JsonScanner(
      (p) => p.length === 1,
      (_, value) => {
        picks.push(value);
        return true;
      },
    );
    scanner.push('[1, 2, broken');
    scanner.end();
    expect(scanner.stopped).toBe(true);
    expect(picks).toEqual([1]);
  });
});
