import { DateTime } from "luxon";

/**
 * Calendar months of reports ("2026-11"), whose boundaries are midnight in the provider's time
 * zone: a ticket opened at 23:30 UTC on 31 October is a November ticket in Paris (MCR-SUP-06).
 */

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(text: string): boolean {
  return YEAR_MONTH.test(text);
}

function startOf(month: string, timeZone: string): DateTime {
  const match = YEAR_MONTH.exec(month);
  if (!match) throw new RangeError(`not a month "YYYY-MM": ${month}`);
  return DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone: timeZone });
}

/** The month as an interval of instants, start included, end excluded. */
export function monthBounds(month: string, timeZone: string): { from: Date; to: Date } {
  const start = startOf(month, timeZone);
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/** The month an instant falls in, in the time zone. */
export function monthOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM");
}

/** The month `count` months after (or before, when negative) another. */
export function shiftMonth(month: string, count: number): string {
  return startOf(month, "UTC").plus({ months: count }).toFormat("yyyy-MM");
}

/** Every month from `from` to `to`, both included; empty when `from` comes after `to`. */
export function monthsFromTo(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = shiftMonth(month, 1)) months.push(month);
  return months;
}
