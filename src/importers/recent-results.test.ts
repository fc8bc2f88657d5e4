import { describe, expect, it } from 'vitest';
import { recentResults } from './recent-results.js';

function counted(size: number, maxInputLength?: number) {
  const calls: string[] = [];
  const read = recentResults(
    (input: string) => {
      calls.push(input);
      return input.length === 0 ? undefined : input.toUpperCase();
    },
    size,
    maxInputLength,
  );
  return { read, calls };
}

describe('recentResults', () => {
  it('computes each input once while it is in use, undefined results included', () => {
    const { read, calls } = counted(4);
    expect([read('a'), read('b'), read('a'), read(''), read(''), read('b')]).toEqual([
      'A',
      'B',
      'A',
      undefined,
      undefined,
      'B',
    ]);
    expect(calls).toEqual(['a', 'b', '']);
  });

  it('keeps at most two generations: an input unused for that long is computed again', () => {
    const { read, calls } = counted(2);
    for (const input of ['a', 'b', 'c', 'd', 'e']) read(input);
    calls.length = 0;
    read('e'); // young
    read('c'); // old: found, and carried into the young generation
    read('a'); // dropped with the oldest generation
    expect(calls).toEqual(['a']);
  });

  it('keeps an input in use however many others pass through', () => {
    const { read, calls } = counted(3);
    for (let i = 0; i < 100; i++) {
      read('hot');
      read(`cold ${i}`);
    }
    expect(calls.filter((c) => c === 'hot')).toHaveLength(1);
  });

  it('does not keep inputs longer than the limit', () => {
    const { read, calls } = counted(4, 5);
    read('longer than five');
    read('longer than five');
    expect(calls).toEqual(['longer than five', 'longer than five']);
  });
});
