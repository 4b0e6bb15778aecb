import { civilFromDays, parseClockTime, parseDay, weekdayOf } from "./civil.js";
import { CalendarError } from "./errors.js";
import { assertHolidayRegion, holidays } from "./holidays.js";
import { type CalendarSpec, type CalendarSpecInput, WEEKDAYS, ZCalendarSpec } from "./spec.js";
import { type ZoneIndex, zoneIndex } from "./zone.js";

/**
 * A written calendar checked and turned into rules a chunk builder can query day by day:
 * which minutes of a local day are open, before excluded windows are cut out.
 */

/** Open minutes of a day, [start, end) pairs after midnight, ascending and disjoint. */
export type MinuteRanges = readonly (readonly [number, number])[];

export interface CalendarRules {
  readonly spec: CalendarSpec;
  readonly zone: ZoneIndex;
  /** Open ranges of a local day (day number), holidays and exceptional openings applied. */
  dayRanges(day: number): MinuteRanges;
  /** Excluded windows as instants, merged: from[i] < to[i] <= from[i+1]. */
  readonly excludedFrom: Float64Array;
  readonly excludedTo: Float64Array;
  /**
   * Last day number that can have open hours, or Infinity. Finite only when the week is
   * empty and only exceptional openings open the calendar, so searches can stop.
   */
  readonly lastOpenDay: number;
}

function invalid(path: string, message: string): CalendarError {
  return new CalendarError("invalid_calendar", `${path}: ${message}`);
}

/** Checks ranges (start before end) and merges overlapping or touching ones. */
function compileRanges(ranges: readonly (readonly [string, string])[], path: string): MinuteRanges {
  const minutes = ranges.map(([from, to], i): [number, number] => {
    const start = parseClockTime(from);
    const end = parseClockTime(to);
    if (start >= end) throw invalid(`${path}[${i}]`, `"${from}"–"${to}" must end after it starts`);
    return [start, end];
  });
  minutes.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of minutes) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function dayOf(text: string, path: string): number {
  const day = parseDay(text);
  if (day === undefined) throw invalid(path, `"${text}" is not a date`);
  return day;
}

export function compileRules(input: CalendarSpecInput | CalendarSpec): CalendarRules {
  const parsed = ZCalendarSpec.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(issue?.path.join(".") || "calendar", issue?.message ?? "invalid calendar");
  }
  const spec = parsed.data;
  const zone = zoneIndex(spec.timeZone);
  const week = WEEKDAYS.map((d) => compileRanges(spec.week[d] ?? [], `week.${d}`));
  for (const region of spec.holidayRegions) assertHolidayRegion(region);
  const closed = new Set(spec.holidays.map((d, i) => dayOf(d, `holidays[${i}]`)));
  const openings = new Map<number, MinuteRanges>();
  spec.openings.forEach((o, i) => {
    openings.set(dayOf(o.date, `openings[${i}].date`), compileRanges(o.ranges, `openings[${i}].ranges`));
  });

  const windows = spec.excluded
    .map((w, i): [number, number] => {
      const from = Date.parse(w.from);
      const to = Date.parse(w.to);
      if (!(from <= to)) throw invalid(`excluded[${i}]`, "a window must end after it starts");
      return [from, to];
    })
    .sort((a, b) => a[0] - b[0]);
  const from: number[] = [];
  const to: number[] = [];
  for (const [a, b] of windows) {
    if (a === b) continue;
    const last = to.length - 1;
    if (last >= 0 && a <= (to[last] as number)) to[last] = Math.max(to[last] as number, b);
    else {
      from.push(a);
      to.push(b);
    }
  }

  // Public holidays as day numbers, per year, asked of date-holidays once per year.
  const regionDays = new Map<number, Set<number>>();
  const isRegionHoliday = (day: number): boolean => {
    if (spec.holidayRegions.length === 0) return false;
    const { year } = civilFromDays(day);
    let set = regionDays.get(year);
    if (!set) {
      set = new Set();
      for (const region of spec.holidayRegions) {
        for (const d of holidays(region, year)) set.add(parseDay(d) as number);
      }
      regionDays.set(year, set);
    }
    return set.has(day);
  };

  const weekEmpty = week.every((r) => r.length === 0);
  return {
    spec,
    zone,
    excludedFrom: Float64Array.from(from),
    excludedTo: Float64Array.from(to),
    lastOpenDay: weekEmpty ? [...openings.keys()].reduce((a, b) => Math.max(a, b), -Infinity) : Infinity,
    dayRanges(day) {
      const opening = openings.get(day);
      if (opening) return opening; // an exceptional opening overrides holidays and the week
      if (closed.has(day) || isRegionHoliday(day)) return [];
      return week[weekdayOf(day)] ?? [];
    },
  };
}
