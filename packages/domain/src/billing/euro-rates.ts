import { type Exact, parseDecimal } from "./exact.js";

/**
 * Euro reference rates in the ECB's published CSV forms (`guichet rates import`): the wide ones,
 * a column per currency (eurofxref-hist.csv: "Date,USD,JPY,…" then "2026-10-01,1.0845,…", "N/A"
 * where there is none; eurofxref.csv: "Date, USD, …" then "01 October 2026, 1.0845, …"), and the
 * ECB Data Portal's long one (TIME_PERIOD, CURRENCY, CURRENCY_DENOM EUR, OBS_VALUE). A rate is
 * units of the currency per euro.
 */
export interface EuroRate {
  day: string;
  currency: string;
  unitsPerEuro: Exact;
  /** As written, to store without rounding. */
  text: string;
}

export class RateFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "RateFileError";
  }
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function parseDay(text: string, line: number): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (long)
    [d, m, y] = [Number(long[1]), MONTHS.indexOf((long[2] as string).toLowerCase()) + 1, Number(long[3])];
  else throw new RateFileError(line, `not a date: "${text}"`);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new RateFileError(line, `not a date: "${text}"`);
  return date.toISOString().slice(0, 10);
}

function rate(text: string, line: number, currency: string): Exact {
  const value = parseDecimal(text);
  if (!value || value.num <= 0n) throw new RateFileError(line, `${currency}: not a positive rate: "${text}"`);
  return value;
}

const cells = (row: string) => row.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));

export function parseEcbRates(text: string): EuroRate[] {
  const rows = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = cells(rows[0] ?? "");
  const out: EuroRate[] = [];
  const long = ["TIME_PERIOD", "CURRENCY", "OBS_VALUE"].map((c) => header.indexOf(c));
  if (long.every((i) => i >= 0)) {
    const [at, cur, obs] = long as [number, number, number];
    const denom = header.indexOf("CURRENCY_DENOM");
    rows.slice(1).forEach((row, i) => {
      if (!row.trim()) return;
      const c = cells(row);
      if (denom >= 0 && c[denom] !== "EUR")
        throw new RateFileError(i + 2, `rates must be per euro, not per ${c[denom]}`);
      const currency = c[cur] ?? "";
      const value = c[obs] ?? "";
      if (value === "" || value === "NaN") return;
      out.push({
        day: parseDay(c[at] ?? "", i + 2),
        currency,
        unitsPerEuro: rate(value, i + 2, currency),
        text: value,
      });
    });
    return out;
  }
  if (header[0] !== "Date")
    throw new RateFileError(1, 'expected the ECB\'s header "Date,USD,…" or TIME_PERIOD, CURRENCY, OBS_VALUE');
  const currencies = header.slice(1);
  currencies.forEach((c) => {
    if (c !== "" && !/^[A-Z]{3}$/.test(c)) throw new RateFileError(1, `not a currency code: "${c}"`);
  });
  rows.slice(1).forEach((row, i) => {
    if (!row.trim()) return;
    const c = cells(row);
    if (c.length > header.length && c.slice(header.length).some((x) => x !== ""))
      throw new RateFileError(i + 2, `more values than the header has columns (a decimal comma?)`);
    const day = parseDay(c[0] ?? "", i + 2);
    currencies.forEach((currency, k) => {
      const value = c[k + 1] ?? "";
      if (currency === "" || value === "" || value === "N/A") return;
      out.push({ day, currency, unitsPerEuro: rate(value, i + 2, currency), text: value });
    });
  });
  return out;
}

/**
 * The day whose rate converts a billing period (deployment choice, stated once here): the
 * period's first day, or the last ECB publication before it (none on weekends and TARGET
 * holidays), at most 7 days earlier. Returns the candidate days, latest first.
 */
export function rateDaysFor(period: string): string[] {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return Array.from({ length: 8 }, (_, back) =>
    new Date(Date.UTC(y, m - 1, 1 - back)).toISOString().slice(0, 10),
  );
}

export class MissingEuroRateError extends Error {
  constructor(
    readonly currency: string,
    readonly day: string,
  ) {
    super(
      `no ECB reference rate for ${currency} on ${day} nor in the 7 days before: import one with "guichet rates import"`,
    );
    this.name = "MissingEuroRateError";
  }
}
