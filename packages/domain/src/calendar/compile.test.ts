import { describe, expect, it } from "vitest";
import { calendar24x7Spec, compileCalendar } from "./compile.js";
import { CalendarError } from "./errors.js";
import type { CalendarSpecInput } from "./spec.js";

/** Instants written in local time with their offset, so each fact reads as on a wall clock. */
const T = (s: string): number => {
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new Error(`bad instant ${s}`);
  return t;
};

const weekdays = (ranges: [string, string][]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
});

/** MCR-SUP-07: Monday–Friday 09:00–19:00, Europe/Paris, French public holidays. */
const MCR: CalendarSpecInput = {
  timeZone: "Europe/Paris",
  week: weekdays([["09:00", "19:00"]]),
  holidayRegions: ["FR"],
};

/** DSN-SUP-06: Monday–Saturday 08:00–18:00, metropolitan French time, public holidays. */
const DSN: CalendarSpecInput = {
  timeZone: "Europe/Paris",
  week: { ...weekdays([["08:00", "18:00"]]), sat: [["08:00", "18:00"]] },
  holidayRegions: ["FR"],
};

describe("isOpen / nextOpen", () => {
  const mcr = compileCalendar(MCR);

  it("is open at an opening and closed at a closing (half-open ranges)", () => {
    expect(mcr.isOpen(T("2026-03-04T09:00+01:00"))).toBe(true);
    expect(mcr.isOpen(T("2026-03-04T18:59+01:00"))).toBe(true);
    expect(mcr.isOpen(T("2026-03-04T19:00+01:00"))).toBe(false);
    expect(mcr.isOpen(T("2026-03-04T08:59+01:00"))).toBe(false);
  });

  it("is closed on a weekend and on a public holiday (Easter Monday 2026-04-06)", () => {
    expect(mcr.isOpen(T("2026-03-07T12:00+01:00"))).toBe(false);
    expect(mcr.isOpen(T("2026-04-06T12:00+02:00"))).toBe(false);
  });

  it("nextOpen is t itself when open, else the next opening", () => {
    expect(mcr.nextOpen(T("2026-03-04T10:17+01:00"))).toBe(T("2026-03-04T10:17+01:00"));
    expect(mcr.nextOpen(T("2026-03-06T19:00+01:00"))).toBe(T("2026-03-09T09:00+01:00"));
    // Friday before Easter Monday: next opening is Tuesday.
    expect(mcr.nextOpen(T("2026-04-03T19:30+02:00"))).toBe(T("2026-04-07T09:00+02:00"));
  });

  it("crosses a year boundary (chunks are built lazily)", () => {
    expect(mcr.nextOpen(T("2026-12-31T19:00+01:00"))).toBe(T("2027-01-04T09:00+01:00"));
  });
});

describe("addMinutes / minutesBetween", () => {
  const mcr = compileCalendar(MCR);

  it("stays on a closing: Friday 18:00 + 60 min is Friday 19:00, not Monday 09:00", () => {
    expect(mcr.addMinutes(T("2026-03-06T18:00+01:00"), 60)).toBe(T("2026-03-06T19:00+01:00"));
    expect(mcr.addMinutes(T("2026-03-06T18:00+01:00"), 61)).toBe(T("2026-03-09T09:01+01:00"));
  });

  it("adds 0 minutes as nextOpen", () => {
    expect(mcr.addMinutes(T("2026-03-07T10:00+01:00"), 0)).toBe(T("2026-03-09T09:00+01:00"));
  });

  it("counts 12 business hours from Thursday 24 Dec 17:00 to Monday 28 Dec 19:00 (Christmas closed)", () => {
    const start = T("2026-12-24T17:00+01:00");
    expect(mcr.addMinutes(start, 720)).toBe(T("2026-12-28T19:00+01:00"));
    expect(mcr.minutesBetween(start, T("2026-12-28T19:00+01:00"))).toBe(720);
  });

  it("measures open minutes in [a, b), 0 when b <= a", () => {
    expect(mcr.minutesBetween(T("2026-03-06T18:30+01:00"), T("2026-03-09T09:30+01:00"))).toBe(60);
    expect(mcr.minutesBetween(T("2026-03-09T09:30+01:00"), T("2026-03-06T18:30+01:00"))).toBe(0);
  });

  it("counts a whole year: 252 business days of 10 h in 2026", () => {
    // 261 weekdays in 2026 minus the 9 public holidays on weekdays (01-01, 04-06, 05-01,
    // 05-08, 05-14, 05-25, 07-14, 11-11, 12-25; 08-15 and 11-01 fall on a weekend).
    expect(mcr.minutesBetween(T("2026-01-01T00:00+01:00"), T("2027-01-01T00:00+01:00"))).toBe(252 * 600);
  });

  it("rejects negative or non-finite durations", () => {
    expect(() => mcr.addMinutes(0, -1)).toThrow(CalendarError);
    expect(() => mcr.addMinutes(0, Number.NaN)).toThrow(CalendarError);
    expect(() => mcr.nextOpen(Number.NaN)).toThrow(CalendarError);
  });
});

describe("24x7 calendars", () => {
  const c24 = compileCalendar(calendar24x7Spec("Europe/Paris"));

  it("is open continuously across midnight, never closed for a minute", () => {
    expect(c24.isOpen(T("2026-03-05T00:00+01:00"))).toBe(true);
    expect(c24.minutesBetween(T("2026-03-04T23:59+01:00"), T("2026-03-05T00:01+01:00"))).toBe(2);
    expect(c24.addMinutes(T("2026-03-04T23:45+01:00"), 30)).toBe(T("2026-03-05T00:15+01:00"));
    // Across the chunk seam and New Year.
    expect(c24.addMinutes(T("2026-12-31T23:30+01:00"), 60)).toBe(T("2027-01-01T00:30+01:00"));
  });

  it("counts real minutes across clock changes: 2026-03-29 has 23 h, 2026-10-25 has 25 h", () => {
    expect(c24.minutesBetween(T("2026-03-29T00:00+01:00"), T("2026-03-30T00:00+02:00"))).toBe(23 * 60);
    expect(c24.minutesBetween(T("2026-10-25T00:00+02:00"), T("2026-10-26T00:00+01:00"))).toBe(25 * 60);
    // < 30 min from 01:50 CET on 29 March is 03:20 CEST, not the non-existent 02:20.
    expect(c24.addMinutes(T("2026-03-29T01:50+01:00"), 30)).toBe(T("2026-03-29T03:20+02:00"));
  });
});

describe("night ranges on clock-change days", () => {
  const night = compileCalendar({
    timeZone: "Europe/Paris",
    week: Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [
        d,
        [
          ["00:00", "08:00"],
          ["18:00", "24:00"],
        ],
      ]),
    ),
  });

  it("is an hour shorter in spring and an hour longer in autumn", () => {
    expect(night.minutesBetween(T("2026-03-28T18:00+01:00"), T("2026-03-29T08:00+02:00"))).toBe(13 * 60);
    expect(night.minutesBetween(T("2026-10-24T18:00+02:00"), T("2026-10-25T08:00+01:00"))).toBe(15 * 60);
    expect(night.minutesBetween(T("2026-03-21T18:00+01:00"), T("2026-03-22T08:00+01:00"))).toBe(14 * 60);
  });
});

describe("addBusinessDays", () => {
  const mcr = compileCalendar(MCR);
  const dsn = compileCalendar(DSN);

  it("keeps the wall time on the next business day, skipping a weekend and a holiday", () => {
    // Friday 3 April 2026 18:30 → Tuesday 7 April 18:30 (Easter Monday closed).
    expect(mcr.addBusinessDays(T("2026-04-03T18:30+02:00"), 1)).toBe(T("2026-04-07T18:30+02:00"));
  });

  it("counts days, not 24-hour blocks, across a clock change", () => {
    expect(mcr.addBusinessDays(T("2026-03-27T10:00+01:00"), 1)).toBe(T("2026-03-30T10:00+02:00"));
    expect(mcr.addBusinessDays(T("2026-10-23T10:00+02:00"), 1)).toBe(T("2026-10-26T10:00+01:00"));
  });

  it("starts from nextOpen: Saturday 10:00 + 1 is Tuesday 09:00", () => {
    expect(mcr.addBusinessDays(T("2026-03-07T10:00+01:00"), 1)).toBe(T("2026-03-10T09:00+01:00"));
  });

  it("crosses a weekend and 11 November: Monday 9 Nov 10:00 + 5 = Tuesday 17 Nov 10:00", () => {
    expect(mcr.addBusinessDays(T("2026-11-09T10:00+01:00"), 5)).toBe(T("2026-11-17T10:00+01:00"));
  });

  it("treats Saturday as a business day on the DSN calendar", () => {
    expect(dsn.addBusinessDays(T("2026-06-12T15:00+02:00"), 1)).toBe(T("2026-06-13T15:00+02:00"));
    expect(dsn.addBusinessDays(T("2026-06-13T17:30+02:00"), 1)).toBe(T("2026-06-15T17:30+02:00"));
  });

  it("returns nextOpen(start) for 0 days", () => {
    expect(mcr.addBusinessDays(T("2026-03-07T10:00+01:00"), 0)).toBe(T("2026-03-09T09:00+01:00"));
  });

  it("returns the start itself for 0 days inside the autumn fold, not the first 02:00", () => {
    // Open on Sundays 00:00–03:00 only: 02:00 CET (the second 02:00 of 25 October) is open.
    const sundayNights = compileCalendar({
      timeZone: "Europe/Paris",
      week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [["00:00", "03:00"]] },
    });
    expect(sundayNights.addBusinessDays(T("2026-10-25T02:00+01:00"), 0)).toBe(T("2026-10-25T02:00+01:00"));
    expect(sundayNights.addBusinessDays(T("2026-10-25T02:00+01:00"), 1)).toBe(T("2026-11-01T02:00+01:00"));
  });

  describe("when the target day's hours do not hold the wall time", () => {
    const split = compileCalendar({
      timeZone: "Europe/Paris",
      week: weekdays([
        ["08:30", "12:00"],
        ["13:30", "17:30"],
      ]),
      // An exceptional Saturday opening with other hours.
      openings: [
        {
          date: "2026-03-07",
          ranges: [
            ["10:00", "11:00"],
            ["14:00", "15:00"],
          ],
        },
      ],
    });

    it("takes the first opening when earlier", () => {
      expect(split.addBusinessDays(T("2026-03-06T08:45+01:00"), 1)).toBe(T("2026-03-07T10:00+01:00"));
    });
    it("keeps the time when held", () => {
      expect(split.addBusinessDays(T("2026-03-06T10:30+01:00"), 1)).toBe(T("2026-03-07T10:30+01:00"));
    });
    it("takes the next opening when between two ranges", () => {
      expect(split.addBusinessDays(T("2026-03-06T13:30+01:00"), 1)).toBe(T("2026-03-07T14:00+01:00"));
    });
    it("takes the last closing when later", () => {
      expect(split.addBusinessDays(T("2026-03-06T16:00+01:00"), 1)).toBe(T("2026-03-07T15:00+01:00"));
    });
  });

  it("maps a wall time inside the spring-forward gap forward (Sat 02:30 + 1 = Sun 03:30 CEST)", () => {
    const c24 = compileCalendar(calendar24x7Spec("Europe/Paris"));
    expect(c24.addBusinessDays(T("2026-03-28T02:30+01:00"), 1)).toBe(T("2026-03-29T03:30+02:00"));
    // Ambiguous 02:30 on 25 October: the first occurrence (CEST).
    expect(c24.addBusinessDays(T("2026-10-24T02:30+02:00"), 1)).toBe(T("2026-10-25T02:30+02:00"));
  });
});

describe("holidays, openings and excluded windows", () => {
  it("closes extra dates and opens exceptional ones", () => {
    const cal = compileCalendar({
      ...MCR,
      holidays: ["2026-03-04"],
      openings: [{ date: "2026-04-06", ranges: [["10:00", "12:00"]] }],
    });
    expect(cal.isOpen(T("2026-03-04T10:00+01:00"))).toBe(false);
    expect(cal.isOpen(T("2026-04-06T11:00+02:00"))).toBe(true); // Easter Monday, opened
    expect(cal.minutesBetween(T("2026-04-06T00:00+02:00"), T("2026-04-07T00:00+02:00"))).toBe(120);
  });

  it("cuts a scheduled maintenance window out (DSN-SUP-07)", () => {
    const cal = compileCalendar({
      ...DSN,
      excluded: [{ from: "2026-06-09T08:00:00+02:00", to: "2026-06-09T10:00:00+02:00" }],
    });
    expect(cal.isOpen(T("2026-06-09T09:00+02:00"))).toBe(false);
    expect(cal.nextOpen(T("2026-06-09T07:00+02:00"))).toBe(T("2026-06-09T10:00+02:00"));
    expect(cal.addMinutes(T("2026-06-09T07:00+02:00"), 60)).toBe(T("2026-06-09T11:00+02:00"));
    expect(cal.minutesBetween(T("2026-06-09T00:00+02:00"), T("2026-06-10T00:00+02:00"))).toBe(8 * 60);
  });
});

describe("America/New_York", () => {
  const ny = compileCalendar({
    timeZone: "America/New_York",
    week: weekdays([["08:00", "20:00"]]),
    holidayRegions: ["US"],
  });

  it("keeps business hours on local time across the 8 March 2026 change", () => {
    expect(ny.addBusinessDays(T("2026-03-06T09:00-05:00"), 1)).toBe(T("2026-03-09T09:00-04:00"));
    expect(ny.addMinutes(T("2026-03-06T19:00-05:00"), 120)).toBe(T("2026-03-09T09:00-04:00"));
  });

  it("closes on Thanksgiving (26 Nov 2026)", () => {
    expect(ny.isOpen(T("2026-11-26T10:00-05:00"))).toBe(false);
  });
});

describe("validation", () => {
  it("names the wrong key", () => {
    expect(() => compileCalendar({ timeZone: "Europe/Paris", week: { mon: [["10:00", "09:00"]] } })).toThrow(
      /week\.mon\[0\]/,
    );
    expect(() => compileCalendar({ timeZone: "Europe/Pariss", week: {} })).toThrow(/unknown IANA time zone/);
    expect(() => compileCalendar({ ...MCR, holidays: ["2026-02-30"] })).toThrow(/holidays\[0\]/);
    expect(() => compileCalendar({ ...MCR, holidayRegions: ["FR-99"] })).toThrow(/FR-99/);
  });

  it("refuses to search forever on a calendar that never opens again", () => {
    const cal = compileCalendar({
      timeZone: "UTC",
      week: {},
      openings: [{ date: "2026-01-05", ranges: [["09:00", "10:00"]] }],
    });
    expect(cal.nextOpen(T("2026-01-01T00:00Z"))).toBe(T("2026-01-05T09:00Z"));
    expect(() => cal.nextOpen(T("2026-02-01T00:00Z"))).toThrow(/no open time/);
  });
});
