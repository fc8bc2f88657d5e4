import { describe, expect, it } from 'vitest';
import { permute32, Random } from './random.js';

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 20 }, () => r.uint32());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(2 ** 40 + 7)).not.toEqual(draw(7));
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const r = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('forks independent, reproducible streams', () => {
    expect(Random.fork(1, 5).uint32()).toBe(Random.fork(1, 5).uint32());
    expect(Random.fork(1, 5).uint32()).not.toBe(Random.fork(1, 6).uint32());
  });
});

describe('permute32', () => {
  it('never maps two slots to the same value', () => {
    const values = new Set<number>();
    for (let i = 0; i < 50_000; i++) values.add(permute32(i, 12345));
    expect(values.size).toBe(50_000);
  });
});
