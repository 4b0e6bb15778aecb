import Holidays from "date-holidays";
import { CalendarError } from "./errors.js";

/**
 * Public holidays by region, from the date-holidays package, public ones only (type "public"):
 * "FR" is metropolitan France; "FR-57", "FR-67", "FR-68" add Alsace-Moselle's Good Friday and
 * 26 December. Whit Monday (lundi de Pentecôte) stays a public holiday: it is one in law (Code du
 * travail L3133-1) whatever a company does for the journée de solidarité, and date-holidays
 * types it "public"; a provider that works it removes it with an exceptional opening.
 *
 * Results are memoised: date-holidays is consulted once per region and year.
 */

const instances = new Map<string, Holidays>();
const byYear = new Map<string, readonly string[]>();

/** "FR-67" → country FR, state 67; throws CalendarError when date-holidays does not know it. */
function instanceFor(region: string): Holidays {
  const cached = instances.get(region);
  if (cached) return cached;
  const [country = "", state, ...rest] = region.split("-");
  const catalogue = new Holidays();
  const countries = catalogue.getCountries() ?? {};
  const known =
    rest.length === 0 &&
    country in countries &&
    (state === undefined || state in (catalogue.getStates(country) ?? {}));
  if (!known) {
    throw new CalendarError(
      "unknown_holiday_region",
      `unknown holiday region "${region}" (expected a country such as "FR" or a country-state such as "FR-67")`,
    );
  }
  const hd = state === undefined ? new Holidays(country) : new Holidays(country, state);
  instances.set(region, hd);
  return hd;
}

/** Sorted, de-duplicated local dates (YYYY-MM-DD) of a region's public holidays in a year. */
export function holidays(region: string, year: number): readonly string[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new CalendarError("invalid_argument", `not a year: ${year}`);
  }
  const key = `${region}:${year}`;
  const cached = byYear.get(key);
  if (cached) return cached;
  const dates = instanceFor(region)
    .getHolidays(year)
    .filter((h) => h.type === "public")
    // "YYYY-MM-DD hh:mm:ss": the local date is the holiday, whatever its start hour.
    .map((h) => h.date.slice(0, 10));
  // Two holidays may share a date (Ascension on 1 May 2008).
  const result = Object.freeze([...new Set(dates)].sort());
  byYear.set(key, result);
  return result;
}

/** Throws CalendarError when a region is unknown; used when a calendar is compiled. */
export function assertHolidayRegion(region: string): void {
  instanceFor(region);
}
