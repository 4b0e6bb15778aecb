/**
 * Civil dates ("2026-01-31"), as contracts count them: no time, no zone. The zone matters only
 * when an instant becomes a date (localDateIn, in the deployment's Europe/Paris); from then on
 * the arithmetic is on year, month and day alone, so it cannot drift across a clock change.
 */
export type CivilDate = string;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: CivilDate): [number, number, number] {
  const match = CIVIL_DATE.exec(date);
  if (!match) throw new RangeError(`not a civil date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whether the text is a real calendar date (2026-02-30 is not). */
export function isCivilDate(text: string): boolean {
  const match = CIVIL_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month (1 to 12) of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * n months after a date, "de quantième à quantième" (code de procédure civile, art. 641): the
 * day with the same number, or the month's last day where there is none (31 January + 1 month
 * is 28 or 29 February). This is the date the period ends on.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return format(y, m, Math.min(day, daysInMonth(y, m)));
}

/** n days after (or before, n < 0) a date. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const [year, month, day] = parts(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Days from `from` to `to` (0 when equal, negative when `to` comes first). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** The first day of the calendar month after the date's (the 1st included: 1 May gives 1 June). */
export function firstDayOfNextMonth(date: CivilDate): CivilDate {
  const [year, month] = parts(date);
  return month === 12 ? format(year + 1, 1, 1) : format(year, month + 1, 1);
}

/** The first day of a calendar month on or after the date. */
export function firstDayOfMonthOnOrAfter(date: CivilDate): CivilDate {
  return parts(date)[2] === 1 ? date : firstDayOfNextMonth(date);
}

/** The year and month (1 to 12) a date falls in. */
export function yearMonthOf(date: CivilDate): { year: number; month: number } {
  const [year, month] = parts(date);
  return { year, month };
}
