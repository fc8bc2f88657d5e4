/** A conversation's claim on the message budget. */
export interface Claim {
  /** Messages it needs to tell its story. */
  base: number;
  /** Share of the leftover budget (0: never grows). */
  weight: number;
  /** Lower ranks are kept longer when the budget is too small for every base. */
  rank: number;
}

/**
 * Sizes every conversation so the sizes add up to exactly `total`: each gets its base, the rest
 * is shared by weight (largest remainder). When the bases alone exceed `total`, the
 * highest-ranked claims are dropped (size 0) first. Throws RangeError when `total` > 0 and
 * there is nothing to put messages in.
 */
export function allocateMessages(claims: readonly Claim[], total: number): number[] {
  if (claims.length === 0) {
    if (total > 0) throw new RangeError('messages need at least one conversation to go into');
    return [];
  }
  const counts = claims.map((c) => c.base);
  const dropOrder = claims
    .map((_, i) => i)
    .sort((a, b) => (claims[b]?.rank ?? 0) - (claims[a]?.rank ?? 0) || b - a);
  let sum = counts.reduce((s, n) => s + n, 0);
  for (const i of dropOrder) {
    if (sum <= total) break;
    sum -= counts[i] as number;
    counts[i] = 0;
  }
  let left = total - sum;
  if (left === 0) return counts;

  const growers = claims.flatMap((c, i) => (c.weight > 0 && (counts[i] as number) > 0 ? [i] : []));
  if (growers.length === 0) {
    // Degenerate budgets (too few messages for any story, or no growable persona): one conversation takes all.
    const keeper =
      [...dropOrder].reverse().find((i) => (counts[i] as number) > 0) ?? (dropOrder.at(-1) as number);
    counts[keeper] = (counts[keeper] as number) + left;
    return counts;
  }
  const weightSum = growers.reduce((s, i) => s + (claims[i]?.weight ?? 0), 0);
  const fractions: [number, number][] = [];
  const pool = left;
  for (const i of growers) {
    const exact = (pool * (claims[i]?.weight ?? 0)) / weightSum;
    const whole = Math.floor(exact);
    counts[i] = (counts[i] as number) + whole;
    left -= whole;
    fractions.push([i, exact - whole]);
  }
  fractions.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (let k = 0; k < left; k++) {
    const i = (fractions[k % fractions.length] as [number, number])[0];
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}
