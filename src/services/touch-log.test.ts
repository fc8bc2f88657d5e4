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

  it('counts the distinct others each opened person met in group conversations', () => {
    const log = new TouchLog();
    for (const id of [1, 2, 3]) log.open(id);
    log.addGroup([1, 2, 9]);
    log.addGroup([1, 2, 3, 1]);
    log.addGroup([7, 8]); // no one opened: not kept
    expect([1, 2, 3].map((id) => log.groupContacts(id))).toEqual([3, 3, 2]);
    log.open(4);
    expect(log.groupContacts(4)).toBe(0);
    // Not opened: read from the store.
    expect(log.groupContacts(9)).toBeUndefined();
    expect(log.groupContacts(7)).toBeUndefined();
  });

  it('sends the forgotten and everyone who met them in a group back to the store', () => {
    const log = new TouchLog();
    for (const id of [1, 2, 3, 4]) log.open(id);
    log.addGroup([1, 2]);
    log.addGroup([2, 9]);
    log.addGroup([3, 4]);
    // 9 (not opened) is merged into someone: 2 met 9, so 2's count may change.
    log.forget(9);
    expect(log.groupContacts(2)).toBeUndefined();
    expect(log.groupContacts(1)).toBe(1);
    log.forget(3);
    expect(log.groupContacts(3)).toBeUndefined();
    expect(log.groupContacts(4)).toBeUndefined();
  });
});
