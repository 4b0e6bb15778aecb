import { describe, expect, it } from "vitest";
import { evaluateCalendarCases } from "./conformance.js";

const mcr = {
  timeZone: "Europe/Paris",
  week: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "19:00"]]])),
  holidayRegions: ["FR"],
};

describe("evaluateCalendarCases (guichet calendar eval)", () => {
  it("maps every case id to its result", () => {
    const out = evaluateCalendarCases({
      calendars: { mcr },
      cases: [
        { id: "add", calendar: "mcr", op: "addMinutes", start: "2026-04-03T18:30:00+02:00", minutes: 31 },
        { id: "days", calendar: "mcr", op: "addBusinessDays", start: "2026-04-03T16:30:00Z", days: 1 },
        {
          id: "between",
          calendar: "mcr",
          op: "minutesBetween",
          from: "2026-04-03T16:30:00Z",
          to: "2026-04-07T16:30:00Z",
        },
        { id: "next", calendar: "mcr", op: "nextOpen", at: "2026-04-03T17:00:00Z" },
        { id: "open", calendar: "mcr", op: "isOpen", at: "2026-04-06T10:00:00Z" },
        { id: "hol", op: "holidays", region: "FR-67", year: 2026 },
      ],
    });
    expect(out).toEqual({
      add: "2026-04-07T07:01:00Z",
      days: "2026-04-07T16:30:00Z",
      between: 600,
      next: "2026-04-07T07:00:00Z",
      open: false,
      hol: [
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-01",
        "2026-05-08",
        "2026-05-14",
        "2026-05-25",
        "2026-07-14",
        "2026-08-15",
        "2026-11-01",
        "2026-11-11",
        "2026-12-25",
        "2026-12-26",
      ],
    });
  });

  it("fails only the bad cases, and only the cases of a bad calendar", () => {
    const out = evaluateCalendarCases({
      calendars: { mcr, broken: { timeZone: "Mars/Olympus", week: {} } },
      cases: [
        { id: "ok", calendar: "mcr", op: "isOpen", at: "2026-04-07T10:00:00Z" },
        { id: "badZone", calendar: "broken", op: "isOpen", at: "2026-04-07T10:00:00Z" },
        { id: "noCal", calendar: "nope", op: "isOpen", at: "2026-04-07T10:00:00Z" },
        { id: "badOp", calendar: "mcr", op: "addYears", start: "2026-04-07T10:00:00Z" },
        { id: "localTime", calendar: "mcr", op: "nextOpen", at: "2026-04-07T10:00:00" },
        { id: "negative", calendar: "mcr", op: "addMinutes", start: "2026-04-07T10:00:00Z", minutes: -5 },
        { id: "region", op: "holidays", region: "ZZ", year: 2026 },
        { calendar: "mcr", op: "isOpen", at: "2026-04-07T10:00:00Z" },
        { id: "constructor", calendar: "mcr", op: "isOpen", at: "2026-04-07T10:00:00Z" },
      ],
    });
    expect(out.ok).toBe(true);
    expect(out.badZone).toEqual({ error: expect.stringContaining("Mars/Olympus") });
    expect(out.noCal).toEqual({ error: 'unknown calendar "nope"' });
    expect(out.badOp).toHaveProperty("error");
    expect(out.localTime).toHaveProperty("error");
    expect(out.negative).toHaveProperty("error");
    expect(out.region).toEqual({ error: expect.stringContaining("ZZ") });
    expect(out["#7"]).toEqual({ error: expect.any(String) });
    expect(Object.hasOwn(out, "constructor")).toBe(true);
  });

  it("refuses an input without cases", () => {
    expect(() => evaluateCalendarCases({ calendars: {} })).toThrow(/cases/);
  });
});

describe("instants", () => {
  it("accepts ISO 8601 with or without seconds, with Z or an offset, and rejects local times", () => {
    const cases = [
      "2026-04-07T10:00Z",
      "2026-04-07T12:00:00.000+02:00",
      "2026-04-07T10:00:00",
      "2026-13-07T10:00Z",
    ].map((at, i) => ({ id: String(i), calendar: "mcr", op: "isOpen", at }));
    const out = evaluateCalendarCases({ calendars: { mcr }, cases });
    expect(out["0"]).toBe(true);
    expect(out["1"]).toBe(true);
    expect(out["2"]).toHaveProperty("error");
    expect(out["3"]).toHaveProperty("error");
  });
});
