import { DAY_MS, MINUTE_MS } from "./civil.js";
import type { CalendarRules } from "./rules.js";
import { lastAtOrBefore } from "./search.js";

/**
 * The compiled index of a calendar over CHUNK_DAYS consecutive local days: open intervals as
 * UTC epoch-ms starts/ends with prefix sums of open time, plus the business days (days with
 * open hours) and their own open pieces for business-day arithmetic. Chunks are built lazily
 * from the rules, so any year works and a calendar costs nothing for years never asked about.
 *
 * A chunk covers the instants [start, end) of its days exactly; consecutive chunks touch.
 * Intervals of one chunk are merged where they touch (a 24x7 week is one interval), and
 * operations treat intervals as half-open, so the seam between two chunks is never a closing.
 */

export const CHUNK_DAYS = 366;

export interface Chunk {
  readonly index: number;
  /** First instant of the chunk's first local day. */
  readonly start: number;
  /** First instant after the chunk's last local day. */
  readonly end: number;
  /** Merged open intervals [starts[i], ends[i]). */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Open milliseconds in the chunk up to ends[i] (inclusive prefix sums). */
  readonly cumEnd: Float64Array;
  /** Open milliseconds of the whole chunk. */
  readonly total: number;
  /** Day numbers of the chunk's business days, ascending. */
  readonly businessDays: Float64Array;
  /** Pieces of business day k are pieceStarts/pieceEnds[pieceOffsets[k] .. pieceOffsets[k+1]). */
  readonly pieceOffsets: Int32Array;
  readonly pieceStarts: Float64Array;
  readonly pieceEnds: Float64Array;
}

/** Cuts the excluded windows out of [a, b) and appends what remains. */
function cutExcluded(rules: CalendarRules, a: number, b: number, starts: number[], ends: number[]): void {
  const from = rules.excludedFrom;
  const to = rules.excludedTo;
  let j = lastAtOrBefore(to, a) + 1; // first window ending after a
  let cur = a;
  while (j < from.length && (from[j] as number) < b) {
    if ((from[j] as number) > cur) {
      starts.push(cur);
      ends.push(from[j] as number);
    }
    cur = Math.max(cur, to[j] as number);
    j++;
  }
  if (cur < b) {
    starts.push(cur);
    ends.push(b);
  }
}

export function buildChunk(rules: CalendarRules, index: number): Chunk {
  const zone = rules.zone;
  const firstDay = index * CHUNK_DAYS;
  const pieceStarts: number[] = [];
  const pieceEnds: number[] = [];
  const pieceOffsets: number[] = [0];
  const businessDays: number[] = [];
  const start = zone.toInstant(firstDay * DAY_MS);
  let dayStart = start;
  for (let day = firstDay; day < firstDay + CHUNK_DAYS; day++) {
    const wall = day * DAY_MS;
    const dayEnd = zone.toInstant(wall + DAY_MS);
    const before = pieceStarts.length;
    // Clamped to the day and to the previous range: the gap mapping (02:30 → 03:30) is not
    // monotonic, and a range must never leak into a neighbour or overlap the one before it.
    let floor = dayStart;
    for (const [from, to] of rules.dayRanges(day)) {
      const a = Math.max(floor, zone.toInstant(wall + from * MINUTE_MS));
      const b = Math.min(dayEnd, to === 1440 ? dayEnd : zone.toInstant(wall + to * MINUTE_MS));
      if (a < b) {
        cutExcluded(rules, a, b, pieceStarts, pieceEnds);
        floor = b;
      }
    }
    if (pieceStarts.length > before) {
      businessDays.push(day);
      pieceOffsets.push(pieceStarts.length);
    }
    dayStart = dayEnd;
  }

  // Merge touching pieces across days into the chunk's open intervals.
  const starts: number[] = [];
  const ends: number[] = [];
  const cumEnd: number[] = [];
  let total = 0;
  for (let i = 0; i < pieceStarts.length; i++) {
    const a = pieceStarts[i] as number;
    const b = pieceEnds[i] as number;
    const last = ends.length - 1;
    if (last >= 0 && a <= (ends[last] as number)) {
      if (b <= (ends[last] as number)) continue;
      total += b - (ends[last] as number);
      ends[last] = b;
      cumEnd[last] = total;
    } else {
      total += b - a;
      starts.push(a);
      ends.push(b);
      cumEnd.push(total);
    }
  }
  return {
    index,
    start,
    end: dayStart,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cumEnd: Float64Array.from(cumEnd),
    total,
    businessDays: Float64Array.from(businessDays),
    pieceOffsets: Int32Array.from(pieceOffsets),
    pieceStarts: Float64Array.from(pieceStarts),
    pieceEnds: Float64Array.from(pieceEnds),
  };
}

/** Open milliseconds of a chunk strictly before an instant of that chunk. */
export function openBefore(chunk: Chunk, t: number): number {
  const i = lastAtOrBefore(chunk.starts, t);
  if (i < 0) return 0;
  const end = chunk.ends[i] as number;
  return (chunk.cumEnd[i] as number) - (t < end ? end - t : 0);
}
