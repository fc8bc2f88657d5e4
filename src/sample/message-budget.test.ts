import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMessages, type Claim } from './message-budget.js';

const claim = fc.record({
  base: fc.integer({ min: 1, max: 20 }),
  weight: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 10, noNaN: true })),
  rank: fc.integer({ min: 0, max: 7 }),
});

describe('allocateMessages', () => {
  it('always adds up to exactly the total', () => {
    fc.assert(
      fc.property(fc.array(claim, { minLength: 1, maxLength: 40 }), fc.nat(5000), (claims, total) => {
        const counts = allocateMessages(claims, total);
        expect(counts.reduce((s, n) => s + n, 0)).toBe(total);
        expect(counts.every((n) => n >= 0 && Number.isInteger(n))).toBe(true);
      }),
    );
  });

  it('gives every base and shares the rest by weight', () => {
    const claims: Claim[] = [
      { base: 8, weight: 3, rank: 0 },
      { base: 2, weight: 0, rank: 3 },
      { base: 4, weight: 1, rank: 1 },
    ];
    expect(allocateMessages(claims, 54)).toEqual([38, 2, 14]);
  });

  it('drops the highest ranks first when bases do not fit', () => {
    const claims: Claim[] = [
      { base: 8, weight: 3, rank: 0 },
      { base: 2, weight: 0, rank: 3 },
      { base: 4, weight: 1, rank: 1 },
    ];
    expect(allocateMessages(claims, 12)).toEqual([8, 0, 4]);
    expect(allocateMessages(claims, 9)).toEqual([9, 0, 0]);
  });

  it('refuses messages with nowhere to go', () => {
    expect(() => allocateMessages([], 1)).toThrow(RangeError);
    expect(allocateMessages([], 0)).toEqual([]);
  });
});
