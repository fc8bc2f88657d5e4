import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, CHANNELS, DIRECTIONS, NETWORKS, type Touch } from '../core/types.js';
import { TouchLog } from './touch-log.js';

const touchArb: fc.Arbitrary<Touch> = fc.record({
  at: fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
  channel: fc.constantFrom(...CHANNELS),
  network: fc.constantFrom(...NETWORKS),
  direction: fc.constantFrom(...DIRECTIONS),
  audience: fc.constantFrom(...AUDIENCES),
  length: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
});

describe('TouchLog', () => {
  it('gives back exactly the touches it was given, per person, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), touchArb)), (entries) => {
        const log = new TouchLog();
        const expected = new Map<number, Touch[]>();
        for (const [person, touch] of entries) {
          log.open(person);
          log.add(person, touch);
          expected.set(person, [...(expected.get(person) ?? []), touch]);
        }
        for (const [person, touches] of expected) expect(log.get(person)).toEqual(touches);
      }),
    );
  });

  it('ignores touches of people it was not asked to hold', () => {
    const log = new TouchLog();
    log.add(7, {
      at: 1,
      channel: 'message',
      network: 'linkedin',
      direction: 'in',
      audience: 'one_to_one',
      length: 3,
    });
    expect(log.has(7)).toBe(false);
    expect(log.get(7)).toBeUndefined();
    log.open(8);
    expect(log.get(8)).toEqual([]);
  });
});
