import { DateTime } from "luxon";
import type { CalendarDuration } from "../contract/duration.js";

/**
 * An instant plus a calendar duration, counted in the deployment's time zone: "1 month" from
 * 31 January is the last day of February, "1 day" across a clock change is 23 or 25 hours
 * (wall time kept), as people read contracts.
 */
export function addCalendarDuration(at: Date, duration: CalendarDuration, timeZone: string): Date {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return local.plus({ [duration.unit]: duration.amount }).toJSDate();
}

/** The instant a calendar duration before `at` (e.g. "unused for 6 months", DSN-ID-03). */
export function subtractCalendarDuration(at: Date, duration: CalendarDuration, timeZone: string): Date {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return local.minus({ [duration.unit]: duration.amount }).toJSDate();
}
