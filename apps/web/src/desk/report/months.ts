/**
 * Report months as the server names them ("2026-11"), counted in the deployment's time zone:
 * a ticket opened on 31 October at 23:30 in Paris belongs to October.
 */

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month an instant falls in, in `timeZone`. */
export function monthOf(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
  }).formatToParts(instant);
  const part = (type: "year" | "month") => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}

/** The month `count` months after (or before, when negative) a month. */
export function shiftMonth(month: string, count: number): string {
  const [year = 0, number = 1] = month.split("-").map(Number);
  const index = year * 12 + (number - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The `count` months ending with `last`, newest first (the choices of a month picker). */
export function monthsUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, back) => shiftMonth(last, -back));
}
