import { describe, expect, it } from 'vitest';
import { factsPatch, fallbackDisplayName, type StoredFacts } from './person-facts.js';

const stored = (overrides: Partial<StoredFacts> = {}): StoredFacts => ({
  display_name: 'Ada Lovelace',
  first_name: 'Ada',
  last_name: null,
  company: 'Analytical Engines',
  title: null,
  location: null,
  ...overrides,
});

describe('factsPatch', () => {
  it('fills blank names but never overwrites a stored one', () => {
    expect(factsPatch(stored(), { displayName: 'A L', firstName: 'Augusta', lastName: 'Lovelace' })).toEqual({
      last_name: 'Lovelace',
    });
  });

  it('takes the newest company, title and location, ignoring blanks and equal values', () => {
    expect(
      factsPatch(stored(), { displayName: 'x', company: 'Analytical Engines', title: ' CTO ', location: '' }),
    ).toEqual({ title: 'CTO' });
    expect(factsPatch(stored(), { displayName: 'x', company: 'Babbage & Co' })).toEqual({
      company: 'Babbage & Co',
    });
  });
});

describe('fallbackDisplayName', () => {
  it('prefers the display name, then a name key without its prefix, then the key', () => {
    expect(fallbackDisplayName('ada-1', ' Ada ')).toBe('Ada');
    expect(fallbackDisplayName('name:ada lovelace')).toBe('ada lovelace');
    expect(fallbackDisplayName('ada@example.com')).toBe('ada@example.com');
  });
});
