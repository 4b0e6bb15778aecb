import { describe, expect, it } from "vitest";
import { DAY_MS, formatDay, parseDay } from "./civil.js";
import { CalendarError } from "./errors.js";
import { holidays } from "./holidays.js";

/**
 * French public holidays 2006–2031 (MCR-SUP-07, DSN-SUP-06), checked against facts written here
 * rather than against date-holidays itself.
 *
 * Source of the facts: Code du travail art. L3133-1 (the eleven jours fériés) and the Alsace-
 * Moselle local law (Code du travail L3134-13: Good Friday and 26 December in Moselle, Bas-Rhin,
 * Haut-Rhin). Easter Sunday dates are the Gregorian computus as published by the Paris
 * Observatory (IMCCE), cross-checked with the Meeus/Jones/Butcher algorithm.
 *
 * Whit Monday (lundi de Pentecôte): it remains a public holiday in law; the journée de
 * solidarité (2004 law, made flexible in 2008) lets an employer work one day, not necessarily
 * that one. date-holidays types it "public" in every year including 2006–2007, and we keep it:
 * a provider that works on Whit Monday declares an exceptional opening in its calendar.
 */

const EASTER_SUNDAY: Record<number, string> = {
  2006: "2006-04-16",
  2007: "2007-04-08",
  2008: "2008-03-23",
  2009: "2009-04-12",
  2010: "2010-04-04",
  2011: "2011-04-24",
  2012: "2012-04-08",
  2013: "2013-03-31",
  2014: "2014-04-20",
  2015: "2015-04-05",
  2016: "2016-03-27",
  2017: "2017-04-16",
  2018: "2018-04-01",
  2019: "2019-04-21",
  2020: "2020-04-12",
  2021: "2021-04-04",
  2022: "2022-04-17",
  2023: "2023-04-09",
  2024: "2024-03-31",
  2025: "2025-04-20",
  2026: "2026-04-05",
  2027: "2027-03-28",
  2028: "2028-04-16",
  2029: "2029-04-01",
  2030: "2030-04-21",
  2031: "2031-04-13",
};

const FIXED = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"];

function shift(date: string, days: number): string {
  return formatDay((parseDay(date) as number) + days);
}

function expectedFR(year: number): string[] {
  const easter = EASTER_SUNDAY[year] as string;
  const movable = [shift(easter, 1), shift(easter, 39), shift(easter, 50)];
  return [...new Set([...FIXED.map((d) => `${year}-${d}`), ...movable])].sort();
}

function expectedAlsaceMoselle(year: number): string[] {
  const easter = EASTER_SUNDAY[year] as string;
  return [...expectedFR(year), shift(easter, -2), `${year}-12-26`].sort();
}

describe("French public holidays 2006–2031", () => {
  for (let year = 2006; year <= 2031; year++) {
    it(`FR ${year}: 8 fixed dates, Easter Monday, Ascension, Whit Monday`, () => {
      expect(holidays("FR", year)).toEqual(expectedFR(year));
    });
    it(`FR-67 ${year}: adds Good Friday and 26 December`, () => {
      expect(holidays("FR-67", year)).toEqual(expectedAlsaceMoselle(year));
    });
  }

  it("merges holidays on the same date (Ascension on 1 May 2008): 10 dates, not 11", () => {
    expect(holidays("FR", 2008)).toHaveLength(10);
    expect(holidays("FR", 2008)).toContain("2008-05-01");
  });

  it("has Easter on a Sunday in every row of the table", () => {
    for (const date of Object.values(EASTER_SUNDAY)) {
      expect(new Date((parseDay(date) as number) * DAY_MS).getUTCDay()).toBe(0);
    }
  });

  it("gives FR-57 and FR-68 the same holidays as FR-67", () => {
    expect(holidays("FR-57", 2026)).toEqual(holidays("FR-67", 2026));
    expect(holidays("FR-68", 2026)).toEqual(holidays("FR-67", 2026));
  });

  it("rejects an unknown region", () => {
    expect(() => holidays("FR-99", 2026)).toThrow(CalendarError);
    expect(() => holidays("XX", 2026)).toThrow(/unknown holiday region/);
  });
});
