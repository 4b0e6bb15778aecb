/**
 * Proleptic Gregorian date arithmetic on "day numbers" (days since 1970-01-01) and "wall
 * milliseconds" (a local wall-clock reading expressed as if it were UTC). Pure integer maths, so
 * the hot paths never need luxon or Intl (algorithms from H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms").
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Day number of a civil date (1970-01-01 is 0). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of a day number. */
export function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** Day number of "YYYY-MM-DD", or undefined when it is not a real date (e.g. 2026-02-30). */
export function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  return back.year === year && back.month === month && back.day === day ? days : undefined;
}

/** Minutes after midnight of "HH:MM" ("24:00" is 1440, the end of the day). */
export function parseClockTime(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`not a clock time: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Local wall-clock reading, for display and for business-day arithmetic. */
export interface WallTime extends CivilDate {
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

/** Splits wall milliseconds into civil fields. */
export function wallFields(wallMs: number): WallTime {
  const days = Math.floor(wallMs / DAY_MS);
  const inDay = wallMs - days * DAY_MS;
  const seconds = Math.floor(inDay / 1000);
  return {
    ...civilFromDays(days),
    weekday: weekdayOf(days),
    hour: Math.floor(seconds / 3600),
    minute: Math.floor((seconds % 3600) / 60),
    second: seconds % 60,
  };
}

/** Instant as YYYY-MM-DDTHH:MM:SSZ (whole seconds, as the conformance references print them). */
export function formatInstant(t: number): string {
  return `${new Date(t).toISOString().slice(0, 19)}Z`;
}
