/** The trimmed text of a form field ("" when absent). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** Every checked value of a group of checkboxes sharing one name. */
export function checked<T extends string>(form: FormData, name: string, allowed: readonly T[]): T[] {
  return form.getAll(name).filter((value): value is T => allowed.includes(value as T));
}

/** The wall clock of an instant in a time zone (the browser's when none is given), to the second. */
function wallClock(instant: number, timeZone?: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return {
    day: `${part("year")}-${part("month")}-${part("day")}`,
    time: `${part("hour")}:${part("minute")}`,
    second: part("second"),
  };
}

/** How far a time zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return Date.parse(`${wall.day}T${wall.time}:${wall.second}Z`) - Math.floor(instant / 1000) * 1000;
}

/**
 * A date-time typed in a form ("2026-11-30T18:00") as an ISO instant: the browser's local time,
 * or the wall time of `timeZone` when given (the deployment's, wherever the browser is).
 */
export function localToIso(value: string, timeZone?: string): string {
  if (!timeZone) return new Date(value).toISOString();
  const wall = Date.parse(`${value.slice(0, 16)}:00Z`);
  // The offset at the wall time read as UTC, then at the instant it gives: right across a clock change.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone)).toISOString();
}

/** The value of an <input type="datetime-local"> showing an instant, to the minute, in `timeZone` or locally. */
export function inputValueOf(instant: number, timeZone?: string): string {
  const wall = wallClock(instant, timeZone);
  return `${wall.day}T${wall.time}`;
}
