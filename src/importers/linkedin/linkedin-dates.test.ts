import { describe, expect, it } from 'vitest';
import { parseLinkedInDate } from './linkedin-dates.js';

describe('parseLinkedInDate', () => {
  it('reads every LinkedIn export format as UTC', () => {
    expect(parseLinkedInDate('2023-05-01 14:22:10 UTC')).toBe(Date.UTC(2023, 4, 1, 14, 22, 10));
    expect(parseLinkedInDate('2023-05-01 14:22 UTC')).toBe(Date.UTC(2023, 4, 1, 14, 22));
    expect(parseLinkedInDate('2023-05-01T14:22:10.123Z')).toBe(Date.UTC(2023, 4, 1, 14, 22, 10));
    expect(parseLinkedInDate('2023-05-01')).toBe(Date.UTC(2023, 4, 1));
    expect(parseLinkedInDate('15 Dec 2025')).toBe(Date.UTC(2025, 11, 15));
    expect(parseLinkedInDate('5 September 2019')).toBe(Date.UTC(2019, 8, 5));
    expect(parseLinkedInDate('1/8/18, 6:14 PM')).toBe(Date.UTC(2018, 0, 8, 18, 14));
    expect(parseLinkedInDate('12/31/17, 12:05 AM')).toBe(Date.UTC(2017, 11, 31, 0, 5));
    expect(parseLinkedInDate('1/8/2018')).toBe(Date.UTC(2018, 0, 8));
    expect(parseLinkedInDate(' 2024-02-29 00:00:00 UTC ')).toBe(Date.UTC(2024, 1, 29));
  });

  it('refuses impossible or unknown dates instead of guessing', () => {
    for (const bad of [
      '',
      'yesterday',
      '2023-02-29 10:00:00 UTC',
      '2023-13-01 10:00:00 UTC',
      '2023-05-01 24:00:00 UTC',
      '2023-05-01 14:22:10 CET',
      '2023-5-1',
      '31 Feb 2020',
      '15 Foo 2025',
      '13/1/18',
      '1/8/18, 13:14 PM',
      '0999-01-01',
    ]) {
      expect(parseLinkedInDate(bad), bad).toBeUndefined();
    }
  });
});
