/**
 * Binary searches over ascending Float64Arrays: every calendar operation is one or two of these
 * on a chunk's index instead of a walk over days or minutes.
 */

/** Largest index i with a[i] <= x, or -1 when x is before a[0]. */
export function lastAtOrBefore(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Smallest index i with a[i] >= x, or a.length when every element is smaller. */
export function firstAtOrAfter(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
