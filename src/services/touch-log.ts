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

/**
 * Touches of many people, held compactly in memory, and who each of them met in group
 * conversations (the "mutual contacts" of the structure term), so an import can evaluate the
 * people it created without reading either back from the store.
 */
export class TouchLog {
  private readonly byPerson = new Map<number, number[]>();
  /** Everyone seen in a group conversation with an opened person: the others in it. */
  private readonly groupPeers = new Map<number, Set<number>>();
  /** Opened people whose peers changed identity (a merge): their count is read from the store. */
  private readonly peersUnknown = new Set<number>();

  /** Starts a person with no touches (so `has` tells that their touches are all here). */
  open(personId: number): void {
    if (!this.byPerson.has(personId)) this.byPerson.set(personId, []);
  }

  /** Adds a touch to a person opened before; others are ignored. */
  add(personId: number, touch: Touch): void {
    this.byPerson.get(personId)?.push(touch.at, encode(touch), touch.length ?? Number.NaN);
  }

  /**
   * Records one group conversation among these people (ids may repeat). Kept when any of them
   * was opened: peers are kept both ways, so a later merge finds whose counts it changes.
   */
  addGroup(personIds: readonly number[]): void {
    if (!personIds.some((id) => this.byPerson.has(id))) return;
    for (const id of personIds) {
      let peers = this.groupPeers.get(id);
      if (peers === undefined) {
        peers = new Set();
        this.groupPeers.set(id, peers);
      }
      for (const other of personIds) if (other !== id) peers.add(other);
    }
  }

  /**
   * Stops holding a person (their touches are then read from the store). Whoever met them in a
   * group also goes back to the store for that count: two of their peers may now be one person.
   */
  forget(personId: number): void {
    this.byPerson.delete(personId);
    for (const peer of this.groupPeers.get(personId) ?? []) this.peersUnknown.add(peer);
    this.groupPeers.delete(personId);
  }

  /**
   * How many other people an opened person met in group conversations, or undefined when it
   * must be read from the store (never opened, forgotten, or a peer was merged).
   */
  groupContacts(personId: number): number | undefined {
    if (!this.byPerson.has(personId) || this.peersUnknown.has(personId)) return undefined;
    return this.groupPeers.get(personId)?.size ?? 0;
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
