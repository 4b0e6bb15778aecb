/** The calendar date ("2026-11-23") of an instant in a time zone: what "today" means to the provider. */
export function localDateIn(instant: Date | number, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}
