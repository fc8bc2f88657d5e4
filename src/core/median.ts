/** The median of some numbers (the mean of the middle two for an even count), or null when there are none; never throws. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** part / whole, or null when the whole is 0; never throws. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
