import { describe, expect, it } from 'vitest';
import { listKeys, searchNeedle, textSortKey } from './sort-key.js';

describe('textSortKey', () => {
  it('folds case and accents so names sort as a reader expects', () => {
    const names = ['Zoë Adeyemi', 'Łukasz Wiśniewski', 'lucas Kaplan', 'Émile Roux', 'Maria Conti', 'Ørsted'];
    const sorted = [...names].sort((a, b) => (textSortKey(a)! < textSortKey(b)! ? -1 : 1));
    expect(sorted).toEqual([
      'Émile Roux',
      'lucas Kaplan',
      'Łukasz Wiśniewski',
      'Maria Conti',
      'Ørsted',
      'Zoë Adeyemi',
    ]);
    expect(textSortKey('Straße')).toBe('strasse');
    expect(textSortKey('  ACME  ')).toBe('acme');
  });

  it('gives blank and missing text no key, so it sorts last', () => {
    expect(textSortKey(null)).toBeNull();
    expect(textSortKey('')).toBeNull();
    expect(textSortKey('   ')).toBeNull();
  });

  it('keeps the searched fields apart and folds a search the same way', () => {
    const keys = listKeys({ display_name: 'José Núñez', company: null, title: 'Head of Sales' });
    expect(keys).toMatchObject({ name_key: 'jose nunez', company_key: null });
    expect(keys.search_text).toContain(searchNeedle('NÚÑEZ')!);
    expect(keys.search_text).toContain(searchNeedle('head of')!);
    expect(keys.search_text).not.toContain(searchNeedle('nunez head')!);
    expect(searchNeedle('a\u001fb')).toBe('a b');
  });
});
