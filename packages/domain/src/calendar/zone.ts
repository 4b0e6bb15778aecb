import { IANAZone } from "luxon";
import { DAY_MS } from "./civil.js";
import { CalendarError } from "./errors.js";
import { lastAtOrBefore } from "./search.js";

/**
 * UTC offsets of one IANA time zone, as a table of transitions built lazily per span of about
 * a year. luxon is asked only while a span is built; afterwards every conversion is a lookup,
 * which keeps calendar operations free of Intl calls.
 *
 * Local wall time → instant (DST policy, documented for the whole engine):
 * - a wall time that does not exist (spring-forward gap, e.g. 02:30 on 2026-03-29 in
 *   Europe/Paris) maps forward by the length of the gap (→ 03:30 CEST);
 * - an ambiguous wall time (fall back, e.g. 02:30 on 2026-10-25 in Europe/Paris) takes its first
 *   occurrence (→ 02:30 CEST, 00:30Z).
 * This is the "compatible" disambiguation of Temporal, java.time and Python's fold=0, so
 * independent references agree with us.
 */
export interface ZoneIndex {
  readonly name: string;
  /** UTC offset in milliseconds at an instant (local = instant + offset). */
  offsetAt(instant: number): number;
  /** Wall milliseconds (local reading as if UTC) of an instant. */
  toWall(instant: number): number;
  /** Instant of a wall reading, with the DST policy above. */
  toInstant(wallMs: number): number;
}

const SPAN_MS = 366 * DAY_MS;
/**
 * Sampling step while looking for transitions (each sample is an Intl call, ~15 µs); no zone in
 * the tz database changes offset twice within a day, so none is missed.
 */
const STEP_MS = DAY_MS;

interface Span {
  /** Instants at which a new offset starts, ascending; first entry is the span start. */
  at: Float64Array;
  offset: Float64Array;
}

class LuxonZoneIndex implements ZoneIndex {
  readonly #zone: IANAZone;
  readonly #spans = new Map<number, Span>();

  constructor(readonly name: string) {
    this.#zone = IANAZone.create(name);
  }

  offsetAt(instant: number): number {
    const k = Math.floor(instant / SPAN_MS);
    const span = this.#spans.get(k) ?? this.#build(k);
    return span.offset[lastAtOrBefore(span.at, instant)] as number;
  }

  toWall(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  toInstant(wallMs: number): number {
    // At most one transition lies within a day of any instant in real zones.
    const before = this.offsetAt(wallMs - DAY_MS);
    const after = this.offsetAt(wallMs + DAY_MS);
    const first = wallMs - before;
    if (before === after || this.offsetAt(first) === before) return first;
    const second = wallMs - after;
    if (this.offsetAt(second) === after) return second;
    return first; // in a gap: wall - offset before the gap lands after it, shifted by the gap
  }

  #luxonOffset(instant: number): number {
    return this.#zone.offset(instant) * 60_000;
  }

  #build(k: number): Span {
    const start = k * SPAN_MS;
    const end = start + SPAN_MS;
    const at = [start];
    const offset = [this.#luxonOffset(start)];
    let prevT = start;
    let prevO = offset[0] as number;
    for (let t = start + STEP_MS; t <= end; t += STEP_MS) {
      const o = this.#luxonOffset(t);
      if (o !== prevO) {
        // Narrow to the first millisecond with the new offset.
        let lo = prevT;
        let hi = t;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.#luxonOffset(mid) === prevO) lo = mid;
          else hi = mid;
        }
        if (hi < end) {
          at.push(hi);
          offset.push(o);
        }
        prevO = o;
      }
      prevT = t;
    }
    const span = { at: Float64Array.from(at), offset: Float64Array.from(offset) };
    this.#spans.set(k, span);
    return span;
  }
}

const zones = new Map<string, ZoneIndex>();

/** The offset table of a zone; throws CalendarError("unknown_time_zone") for a bad name. */
export function zoneIndex(name: string): ZoneIndex {
  const cached = zones.get(name);
  if (cached) return cached;
  if (!IANAZone.isValidZone(name)) {
    throw new CalendarError("unknown_time_zone", `unknown IANA time zone "${name}"`);
  }
  const zone = new LuxonZoneIndex(name);
  zones.set(name, zone);
  return zone;
}
