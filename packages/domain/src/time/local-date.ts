/** Formatters are costly to build (about a millisecond): one per time zone, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date ("2026-11-23") of an instant in a time zone: what "today" means to the provider. */
export function localDateIn(instant: Date | number, timeZone: string): string {
  return formatterFor(timeZone).format(instant);
}
