import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, CHANNELS, DIRECTIONS, NETWORKS } from '../core/types.js';
import type { IdentityRef, ImportRecord, InteractionRecord } from '../importers/types.js';
import { packRecords, unpackRecords } from './record-packing.js';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const identity: fc.Arbitrary<IdentityRef> = fc.record({
  network: fc.constantFrom(...NETWORKS),
  key: fc.string(),
  displayName: maybe(fc.string()),
  handle: maybe(fc.string()),
  externalId: maybe(fc.string()),
  profileUrl: maybe(fc.string()),
});

const interaction = (people: IdentityRef[]): fc.Arbitrary<ImportRecord> =>
  fc.record({
    type: fc.constant('interaction' as const),
    file: fc.constantFrom('a.json', 'b/c.mbox'),
    line: maybe(fc.nat()),
    externalId: fc.string(),
    at: fc.integer({ min: -1e13, max: 1e13 }),
    channel: fc.constantFrom(...CHANNELS),
    network: fc.constantFrom(...NETWORKS),
    direction: fc.constantFrom(...DIRECTIONS),
    audience: fc.constantFrom(...AUDIENCES),
    length: fc
      .option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined })
      .chain((l) => fc.constantFrom(l, null)),
    threadId: maybe(fc.string()),
    // Any UTF-16, lone surrogates included: texts travel end to end in one string, cut by length.
    snippet: maybe(fc.string({ unit: 'binary' })),
    // Shared identity objects, as importers pass them, and fresh ones.
    participants: fc.array(fc.oneof(fc.constantFrom(...people), identity), { maxLength: 4 }),
  });

const other: fc.Arbitrary<ImportRecord> = fc.oneof(
  fc.record({
    type: fc.constant('rejected' as const),
    file: fc.string(),
    line: maybe(fc.nat()),
    reason: fc.string(),
  }),
  fc.record({
    type: fc.constant('progress' as const),
    file: fc.string(),
    bytesRead: fc.nat(),
    bytesTotal: fc.nat(),
  }),
  fc.record({
    type: fc.constant('contact' as const),
    file: fc.string(),
    identities: fc.array(identity, { maxLength: 2 }),
    person: fc.record({ displayName: fc.string() }),
  }),
);

describe('packRecords / unpackRecords', () => {
  it('gives back equal records in the same order', () => {
    fc.assert(
      fc.property(
        fc
          .array(identity, { minLength: 1, maxLength: 3 })
          .chain((people) => fc.array(fc.oneof(interaction(people), other), { maxLength: 30 })),
        (records) => {
          const packed = structuredClone(packRecords(records));
          expect(unpackRecords(packed)).toEqual(records);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps an unmeasured length (null) apart from an unknown one (undefined)', () => {
    const base: InteractionRecord = {
      type: 'interaction',
      file: 'f',
      externalId: 'x',
      at: 1,
      channel: 'message',
      network: 'twitter',
      direction: 'in',
      audience: 'one_to_one',
      participants: [],
    };
    const [unmeasured, unknown] = unpackRecords(packRecords([{ ...base, length: null }, { ...base }]));
    expect(unmeasured).toMatchObject({ length: null });
    expect((unknown as { length?: unknown }).length).toBeUndefined();
  });
});
