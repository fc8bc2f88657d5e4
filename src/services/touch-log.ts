import { AUDIENCES, CHANNELS, DIRECTIONS, NETWORKS, type Touch } from '../core/types.js';

// Each touch is three numbers in one flat array per person: time, a code for its four enums,
// and its length (NaN when unknown). A million touches then take 24 MB instead of ~100 MB of
// objects, which keeps an import of a large export within its memory budget.
const STRIDE = 3;
const radix = [CHANNELS.length, NETWORKS.length, DIRECTIONS.length, AUDIENCES.length] as const;

function encode(t: Touch): number {
  const c = CHANNELS.indexOf(t.channel);
  const n = NETWORKS.indexOf(t.network);
  const d = DIRECTIONS.indexOf(t.direction);
  const a = AUDIENCES.indexOf(t.audience);
  return ((c * radix[1] + n) * radix[2] + d) * radix[3] + a;
}

function decode(at: number, code: number, length: number): Touch {
  const a = code % radix[3];
  const d = Math.floor(code / radix[3]) % radix[2];
  const n = Math.floor(code / (radix[3] * radix[2])) % radix[1];
  const c = Math.floor(code / (radix[3] * radix[2] * radix[1]));
  return {
    at,
    channel: CHANNELS[c]!,
    network: NETWORKS[n]!,
    direction: DIRECTIONS[d]!,
    audience: AUDIENCES[a]!,
    length: Number.isNaN(length) ? null : length,
  };
}

/** Touches of many people, held compactly in memory. */
export class TouchLog {
  private readonly byPerson = new Map<number, number[]>();

  /** Starts a person with no touches (so `has` tells that their touches are all here). */
  open(personId: number): void {
    if (!this.byPerson.has(personId)) this.byPerson.set(personId, []);
  }

  /** Adds a touch to a person opened before; others are ignored. */
  add(personId: number, touch: Touch): void {
    this.byPerson.get(personId)?.push(touch.at, encode(touch), touch.length ?? Number.NaN);
  }

  /** Stops holding a person (their touches are then read from the store). */
  forget(personId: number): void {
    this.byPerson.delete(personId);
  }

  has(personId: number): boolean {
    return this.byPerson.has(personId);
  }

  /** The person's touches as values, or undefined when the person was never opened. */
  get(personId: number): Touch[] | undefined {
    const packed = this.byPerson.get(personId);
    if (!packed) return undefined;
    const touches: Touch[] = new Array(packed.length / STRIDE);
    for (let i = 0; i < packed.length; i += STRIDE)
      touches[i / STRIDE] = decode(packed[i]!, packed[i + 1]!, packed[i + 2]!);
    return touches;
  }
}
