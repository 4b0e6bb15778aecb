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

const MINUTE_MS = 60_000;
/**
 * The last date formatted per time zone, by minute: local dates change on whole minutes in every
 * zone since 1972 (the last offset with seconds, Monrovia's), and a request asks the same one again.
 */
const lastByZone = new Map<string, { minute: number; date: string }>();

/** The calendar date ("2026-11-23") of an instant in a time zone: what "today" means to the provider. */
export function localDateIn(instant: Date | number, timeZone: string): string {
  const minute = Math.floor(Number(instant) / MINUTE_MS);
  const last = lastByZone.get(timeZone);
  if (last?.minute === minute) return last.date;
  const date = formatterFor(timeZone).format(instant);
  lastByZone.set(timeZone, { minute, date });
  return date;
}
