import { DateTime } from "luxon";
import { holidays } from "../../packages/domain/src/calendar/holidays.js";
import type { CalendarSpecInput } from "../../packages/domain/src/calendar/spec.js";

/**
 * The baseline the benchmark compares with: what a straightforward implementation does, minute
 * by minute, converting each minute to local time. Exact for minute-aligned instants on
 * calendars whose ranges start and end on whole minutes, so it also checks the engine's results.
 */

const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const MIN = 60_000;

export function naiveCalendar(spec: CalendarSpecInput) {
  const closed = new Set<string>(spec.holidays ?? []);
  const years = new Set<number>();
  const ranges = WEEK.map((d) =>
    (spec.week[d] ?? []).map(([a, b]) => {
      const [ah, am] = a.split(":").map(Number) as [number, number];
      const [bh, bm] = b.split(":").map(Number) as [number, number];
      return [ah * 60 + am, bh * 60 + bm] as const;
    }),
  );
  const isOpen = (t: number): boolean => {
    const local = DateTime.fromMillis(t, { zone: spec.timeZone });
    if (!years.has(local.year)) {
      years.add(local.year);
      for (const r of spec.holidayRegions ?? []) for (const d of holidays(r, local.year)) closed.add(d);
    }
    if (closed.has(local.toISODate() as string)) return false;
    const m = local.hour * 60 + local.minute;
    return (ranges[local.weekday - 1] ?? []).some(([a, b]) => m >= a && m < b);
  };
  return {
    isOpen,
    addMinutes(start: number, minutes: number): number {
      let t = start;
      if (minutes === 0) {
        while (!isOpen(t)) t += MIN;
        return t;
      }
      let left = minutes;
      for (; left > 0; t += MIN) if (isOpen(t)) left--;
      return t;
    },
    minutesBetween(a: number, b: number): number {
      let n = 0;
      for (let t = a; t < b; t += MIN) if (isOpen(t)) n++;
      return n;
    },
  };
}
