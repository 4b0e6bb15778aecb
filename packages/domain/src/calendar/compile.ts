import { buildChunk, CHUNK_DAYS, type Chunk, openBefore } from "./chunk.js";
import { DAY_MS, MINUTE_MS, type WallTime, wallFields } from "./civil.js";
import { CalendarError } from "./errors.js";
import { type CalendarRules, compileRules } from "./rules.js";
import { firstAtOrAfter, lastAtOrBefore } from "./search.js";
import type { CalendarSpec, CalendarSpecInput } from "./spec.js";

/**
 * A compiled business calendar. Instants are UTC epoch milliseconds; durations are business
 * minutes, i.e. real elapsed minutes during which the calendar is open (a night range on a
 * clock-change day is an hour shorter or longer). Open ranges are half-open: open at a range's
 * start, closed at its end. Each operation is a binary search in a lazily built chunk.
 */
export interface BusinessCalendar {
  /** The contract's name for it, when it has one (used in explanations). */
  readonly name: string | undefined;
  readonly timeZone: string;
  readonly spec: CalendarSpec;
  isOpen(t: number): boolean;
  /** t when open, else the next opening. */
  nextOpen(t: number): number;
  /**
   * The earliest t >= start with `minutes` open minutes in [start, t). For 0 it is
   * nextOpen(start); a result on a closing stays there (Friday 19:00, not Monday 09:00).
   */
  addMinutes(start: number, minutes: number): number;
  /** Open minutes in [a, b) (0 when b <= a); fractional when the instants carry seconds. */
  minutesBetween(a: number, b: number): number;
  /**
   * s = nextOpen(start); the result is on the n-th business day after s's local day, at s's
   * local wall time; when that day's hours do not hold that time: its first opening when
   * earlier, its last closing when later, the next opening when between two ranges.
   */
  addBusinessDays(start: number, days: number): number;
  /**
   * The business day after nextOpen(start)'s local day: its first opening and its last closing
   * ("next business day" targets, issue 23).
   */
  nextBusinessDay(start: number): { opens: number; closes: number };
  /** Local wall-clock reading of an instant in the calendar's zone. */
  localTime(t: number): WallTime;
}

function checkInstant(t: number, what: string): void {
  if (!Number.isFinite(t)) throw new CalendarError("invalid_argument", `${what} is not an instant: ${t}`);
}

class CompiledCalendar implements BusinessCalendar {
  readonly #rules: CalendarRules;
  readonly #chunks = new Map<number, Chunk>();
  #last: Chunk | undefined;

  constructor(
    rules: CalendarRules,
    readonly name: string | undefined,
  ) {
    this.#rules = rules;
  }

  get timeZone(): string {
    return this.#rules.spec.timeZone;
  }

  get spec(): CalendarSpec {
    return this.#rules.spec;
  }

  #chunk(index: number): Chunk {
    let chunk = this.#chunks.get(index);
    if (!chunk) {
      chunk = buildChunk(this.#rules, index);
      this.#chunks.set(index, chunk);
    }
    return chunk;
  }

  /** The chunk whose instants hold t. */
  #chunkAt(t: number): Chunk {
    const last = this.#last;
    if (last && t >= last.start && t < last.end) return last;
    // Local days are at most a day away from UTC days, so the guess is off by one at most.
    let chunk = this.#chunk(Math.floor(t / (CHUNK_DAYS * DAY_MS)));
    while (t < chunk.start) chunk = this.#chunk(chunk.index - 1);
    while (t >= chunk.end) chunk = this.#chunk(chunk.index + 1);
    this.#last = chunk;
    return chunk;
  }

  /** The chunk after `chunk`, refusing to search past the last day that can open. */
  #following(chunk: Chunk, from: number): Chunk {
    if ((chunk.index + 1) * CHUNK_DAYS > this.#rules.lastOpenDay) {
      throw new CalendarError(
        "never_open",
        `calendar has no open time after ${new Date(from).toISOString()}`,
      );
    }
    return this.#chunk(chunk.index + 1);
  }

  isOpen(t: number): boolean {
    checkInstant(t, "isOpen");
    const chunk = this.#chunkAt(t);
    const i = lastAtOrBefore(chunk.starts, t);
    return i >= 0 && t < (chunk.ends[i] as number);
  }

  nextOpen(t: number): number {
    checkInstant(t, "nextOpen");
    let chunk = this.#chunkAt(t);
    const i = lastAtOrBefore(chunk.starts, t);
    if (i >= 0 && t < (chunk.ends[i] as number)) return t;
    if (i + 1 < chunk.starts.length) return chunk.starts[i + 1] as number;
    do chunk = this.#following(chunk, t);
    while (chunk.starts.length === 0);
    return chunk.starts[0] as number;
  }

  addMinutes(start: number, minutes: number): number {
    checkInstant(start, "addMinutes start");
    if (!(minutes >= 0 && Number.isFinite(minutes))) {
      throw new CalendarError("invalid_argument", `minutes must be a finite number >= 0, got ${minutes}`);
    }
    const ms = Math.round(minutes * MINUTE_MS);
    if (ms === 0) return this.nextOpen(start);
    let chunk = this.#chunkAt(start);
    let target = openBefore(chunk, start) + ms;
    while (target > chunk.total) {
      target -= chunk.total;
      chunk = this.#following(chunk, start);
    }
    // First interval whose prefix sum reaches the target; target > 0 puts t in (start, end].
    const i = firstAtOrAfter(chunk.cumEnd, target);
    return (chunk.ends[i] as number) - ((chunk.cumEnd[i] as number) - target);
  }

  minutesBetween(a: number, b: number): number {
    checkInstant(a, "minutesBetween from");
    checkInstant(b, "minutesBetween to");
    if (b <= a) return 0;
    const ca = this.#chunkAt(a);
    const before = openBefore(ca, a);
    if (b < ca.end) return (openBefore(ca, b) - before) / MINUTE_MS;
    let ms = ca.total - before;
    let chunk = this.#chunk(ca.index + 1);
    while (b >= chunk.end) {
      ms += chunk.total;
      chunk = this.#chunk(chunk.index + 1);
    }
    this.#last = chunk;
    return (ms + openBefore(chunk, b)) / MINUTE_MS;
  }

  addBusinessDays(start: number, days: number): number {
    if (!(Number.isInteger(days) && days >= 0)) {
      throw new CalendarError("invalid_argument", `days must be a whole number >= 0, got ${days}`);
    }
    const s = this.nextOpen(start);
    // s itself: its wall time, read back, could name the fold's other instant (02:30 on 25 October).
    if (days === 0) return s;
    const zone = this.#rules.zone;
    const wall = zone.toWall(s);
    const sDay = Math.floor(wall / DAY_MS);
    const wallTime = wall - sDay * DAY_MS;
    let chunk = this.#chunk(Math.floor(sDay / CHUNK_DAYS));
    // s is open, so its local day is a business day of its chunk.
    let k = lastAtOrBefore(chunk.businessDays, sDay) + days;
    while (k >= chunk.businessDays.length) {
      k -= chunk.businessDays.length;
      chunk = this.#following(chunk, start);
    }
    const day = chunk.businessDays[k] as number;
    const t = zone.toInstant(day * DAY_MS + wallTime);
    const first = chunk.pieceOffsets[k] as number;
    const end = chunk.pieceOffsets[k + 1] as number;
    for (let p = first; p < end; p++) {
      if (t < (chunk.pieceStarts[p] as number)) return chunk.pieceStarts[p] as number;
      if (t < (chunk.pieceEnds[p] as number)) return t;
    }
    return chunk.pieceEnds[end - 1] as number;
  }

  nextBusinessDay(start: number): { opens: number; closes: number } {
    const s = this.nextOpen(start);
    const sDay = Math.floor(this.#rules.zone.toWall(s) / DAY_MS);
    let chunk = this.#chunk(Math.floor(sDay / CHUNK_DAYS));
    // s is open, so its local day is a business day of its chunk; the next one may be in the next chunk.
    let k = lastAtOrBefore(chunk.businessDays, sDay) + 1;
    while (k >= chunk.businessDays.length) {
      k -= chunk.businessDays.length;
      chunk = this.#following(chunk, start);
    }
    const first = chunk.pieceOffsets[k] as number;
    const end = chunk.pieceOffsets[k + 1] as number;
    return { opens: chunk.pieceStarts[first] as number, closes: chunk.pieceEnds[end - 1] as number };
  }

  localTime(t: number): WallTime {
    return wallFields(this.#rules.zone.toWall(t));
  }
}

/**
 * Compiles a written calendar (validated with ZCalendarSpec). Throws CalendarError with code
 * invalid_calendar, unknown_time_zone or unknown_holiday_region.
 */
export function compileCalendar(spec: CalendarSpecInput | CalendarSpec, name?: string): BusinessCalendar {
  return new CompiledCalendar(compileRules(spec), name);
}

/** The written form of a calendar open around the clock (never closed at midnight). */
export function calendar24x7Spec(timeZone = "Europe/Paris"): CalendarSpecInput {
  const allDay: [string, string][] = [["00:00", "24:00"]];
  return {
    timeZone,
    week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  };
}
