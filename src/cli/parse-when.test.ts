import { describe, expect, it } from 'vitest';
import { parseWhen } from './parse-when.js';

const now = new Date(2026, 10, 29, 9, 0).getTime();

describe('parseWhen', () => {
  it('reads relative words', () => {
    expect(parseWhen('today', now)).toBe(now);
    expect(parseWhen('Yesterday', now)).toBe(now - 86_400_000);
    expect(parseWhen('3 days ago', now)).toBe(now - 3 * 86_400_000);
    expect(parseWhen('2w ago', now)).toBe(now - 14 * 86_400_000);
  });

  it('reads local dates (noon when no time is given) and ISO timestamps', () => {
    expect(parseWhen('2026-11-28', now)).toBe(new Date(2026, 10, 28, 12, 0).getTime());
    expect(parseWhen('2026-11-28 14:30', now)).toBe(new Date(2026, 10, 28, 14, 30).getTime());
    expect(parseWhen('2026-11-28T14:30:00Z', now)).toBe(Date.UTC(2026, 10, 28, 14, 30));
  });

  it('rejects impossible or unknown dates with the accepted forms', () => {
    expect(() => parseWhen('2026-02-30', now)).toThrow(/Cannot read the time "2026-02-30"/);
    expect(() => parseWhen('last tuesday', now)).toThrow(/yesterday/);
  });
});
