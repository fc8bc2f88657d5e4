import { detach } from './identity-keys.js';

/**
 * Remembers a pure function's results for the inputs seen lately. Exports repeat the same
 * header values thousands of times (a correspondent's `Name <address>`, a thread's subject),
 * and decoding them again each time is a large share of reading a mailbox.
 *
 * Two generations of at most `size` entries each: when the young one fills, it becomes the old
 * one and the previous old one is dropped, so memory stays bounded and inputs in use survive.
 * Results are shared between callers, so they must not be changed; long inputs are not kept.
 */
export function recentResults<T>(
  compute: (input: string) => T,
  size: number,
  maxInputLength = 256,
): (input: string) => T {
  let young = new Map<string, T>();
  let old = new Map<string, T>();
  return (input) => {
    if (input.length > maxInputLength) return compute(input);
    // One lookup for the usual hit; has() only tells a kept undefined from a missing input.
    const kept = young.get(input);
    if (kept !== undefined || young.has(input)) return kept as T;
    const aged = old.get(input);
    const result = aged !== undefined || old.has(input) ? (aged as T) : compute(input);
    if (young.size >= size) {
      old = young;
      young = new Map();
    }
    // A copy as the key: the input is often a slice of a whole message's text.
    young.set(detach(input), result);
    return result;
  };
}
