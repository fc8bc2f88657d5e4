import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVIDENCE, type MatchCandidate, suggestDuplicates } from './duplicate-suggestions.js';

const person = (
  id: number,
  displayName: string,
  company: string | null = null,
  emails: string[] = [],
): MatchCandidate => ({
  id,
  displayName,
  company,
  identities: [{ network: 'linkedin', key: `p${id}` }, ...emails.map((key) => ({ network: 'email', key }))],
});

describe('suggestDuplicates', () => {
  it('is surest about the same name at the same company, accents and case aside', () => {
    const [s] = suggestDuplicates([
      person(1, 'José Núñez', 'Ironbridge'),
      person(2, 'jose nunez', 'IRONBRIDGE'),
    ]);
    expect(s).toMatchObject({ keepId: 1, mergeId: 2, confidence: EVIDENCE.sameNameSameCompany });
    expect(s?.reasons[0]).toMatch(/same name and company/);
  });

  it('pairs an initial and surname at the same company, and an email that spells the name', () => {
    const found = suggestDuplicates([
      person(1, 'Ada Lovelace', 'Analytical Engines'),
      person(2, 'A. Lovelace', 'Analytical Engines'),
      person(3, 'Countess of L.', null, ['ada.lovelace@example.com']),
    ]);
    expect(found.map((s) => [s.keepId, s.mergeId])).toEqual([
      [1, 2],
      [3, 1],
    ]);
    expect(found[1]?.reasons).toEqual(['the email of Countess of L. (adalovelace@…) spells Ada Lovelace']);
  });

  it('suggests nothing for different people who share only a surname or a company', () => {
    expect(
      suggestDuplicates([
        person(1, 'Ada Lovelace', 'X'),
        person(2, 'Byron Lovelace', 'X'),
        person(3, 'Ada Smith', 'X'),
      ]),
    ).toEqual([]);
  });

  it('never pairs a person with themselves, never lists a pair twice, and keeps confidence in (0, 1)', () => {
    const names = fc.constantFrom(
      'Ada Lovelace',
      'ada lovelace',
      'A. Lovelace',
      'Grace Hopper',
      'Alan Turing',
      'Zoë Adeyemi',
    );
    const arb = fc.array(fc.tuple(names, fc.constantFrom(null, 'X', 'Y')), { maxLength: 25 });
    fc.assert(
      fc.property(arb, (rows) => {
        const found = suggestDuplicates(rows.map(([n, c], i) => person(i + 1, n, c)));
        const pairs = found.map((s) => [s.keepId, s.mergeId].sort().join(':'));
        expect(new Set(pairs).size).toBe(pairs.length);
        for (const s of found) {
          expect(s.keepId).not.toBe(s.mergeId);
          expect(s.confidence).toBeGreaterThan(0);
          expect(s.confidence).toBeLessThan(1);
        }
      }),
    );
  });
});
