/**
 * Nearest-rank percentile: the smallest value of the set such that at least p % of the values are
 * less than or equal to it, i.e. the ⌈p/100 × n⌉-th value in ascending order. It is always a time
 * that was actually observed (no interpolation), so a report's median or 90th percentile can be
 * checked by hand against the tickets (MCR-SUP-06). The median is the 50th percentile in this
 * sense: with an even count it is the lower of the two middle values.
 *
 * Null for an empty set. `p` must be in (0, 100].
 */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // The epsilon keeps 0.9 × 10 = 9.000000000000002 from becoming rank 10.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length - 1e-9));
  return sorted[rank - 1] ?? null;
}
