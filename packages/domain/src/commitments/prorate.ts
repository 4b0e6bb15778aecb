import { divideHalfUp } from "./amount.js";
import {
  addDays,
  type CivilDate,
  daysBetween,
  daysInMonth,
  firstDayOfNextMonth,
  yearMonthOf,
} from "./civil-date.js";

/** One calendar month's share of what remains due. */
export interface ProratedMonth {
  /** "2026-04" */
  month: string;
  /** Days of [from, until) in this month. */
  days: number;
  daysInMonth: number;
  cents: number;
}

export interface RemainingFees {
  cents: number;
  months: ProratedMonth[];
}

/**
 * The subscription fees still due from `from` up to `until` (excluded), the end of the minimum
 * period (DSN art. 9, DSN-ORD-04): for each calendar month overlapping [from, until), the monthly
 * price × days overlapped ÷ days in that month, rounded half up to the cent per month, then summed.
 * Nothing is due when the period ended on or before `from`.
 */
export function remainingFees(monthlyPriceCents: number, from: CivilDate, until: CivilDate): RemainingFees {
  const months: ProratedMonth[] = [];
  let start = from;
  while (start < until) {
    const next = firstDayOfNextMonth(start);
    const end = next < until ? next : until;
    const { year, month } = yearMonthOf(start);
    const inMonth = daysInMonth(year, month);
    const days = daysBetween(start, end);
    months.push({
      month: `${year}-${String(month).padStart(2, "0")}`,
      days,
      daysInMonth: inMonth,
      cents: divideHalfUp(monthlyPriceCents * days, inMonth),
    });
    start = end;
  }
  return { cents: months.reduce((sum, m) => sum + m.cents, 0), months };
}

/** The last day something is held when it ends on `effective` (the first day it is not). */
export function lastDayBefore(effective: CivilDate): CivilDate {
  return addDays(effective, -1);
}
