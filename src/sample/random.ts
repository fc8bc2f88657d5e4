/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so sample data is reproducible
 * byte for byte. Never Math.random: the same seed must give the same export everywhere.
 */

/** Mixes two 32-bit integers into one well-spread 32-bit integer (splitmix32 finaliser). */
export function hash32(a: number, b = 0): number {
  let z = (Math.imul(a | 0, 0x9e3779b9) + Math.imul(b | 0, 0x85ebca6b) + 0x6d2b79f5) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** An invertible 32-bit scramble: distinct inputs always give distinct outputs. */
export function permute32(x: number, key: number): number {
  let z = (x ^ key) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, salt = 0) {
    const s = hash32(Math.floor(seed) | 0, Math.floor(seed / 0x100000000) ^ salt);
    this.a = hash32(s, 1);
    this.b = hash32(s, 2);
    this.c = hash32(s, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next raw 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 0x100000000;
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A float in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    let total = 0;
    for (const k of keys) total += weights[k];
    let x = this.next() * total;
    for (const k of keys) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return keys[keys.length - 1] as K;
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** An independent stream derived from this seed and a salt, so parts can be generated lazily. */
  static fork(seed: number, salt: number): Random {
    return new Random(seed, hash32(salt, 0x51ed));
  }
}
