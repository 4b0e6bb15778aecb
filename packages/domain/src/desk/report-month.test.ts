import { describe, expect, it } from "vitest";
import { isYearMonth, monthBounds, monthOf, monthsFromTo, shiftMonth } from "./report-month.js";

const paris = "Europe/Paris";

describe("report months in the provider's time zone", () => {
  it("starts and ends a month at midnight in Paris, winter and summer time alike", () => {
    expect(monthBounds("2026-11", paris)).toEqual({
      from: new Date("2026-10-31T23:00:00Z"),
      to: new Date("2026-11-30T23:00:00Z"),
    });
    // March changes to summer time: starts at UTC+1, ends at UTC+2.
    expect(monthBounds("2026-03", paris)).toEqual({
      from: new Date("2026-02-28T23:00:00Z"),
      to: new Date("2026-03-31T22:00:00Z"),
    });
  });

  it("files an instant under its month in Paris, not in UTC", () => {
    expect(monthOf(new Date("2026-10-31T23:30:00Z"), paris)).toBe("2026-11");
    expect(monthOf(new Date("2026-10-31T22:59:59Z"), paris)).toBe("2026-10");
  });

  it("lists months across a year end, and none when the range is reversed", () => {
    expect(monthsFromTo("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthsFromTo("2026-11", "2026-11")).toEqual(["2026-11"]);
    expect(monthsFromTo("2027-01", "2026-12")).toEqual([]);
    expect(shiftMonth("2027-01", -11)).toBe("2026-02");
  });

  it("accepts only YYYY-MM", () => {
    expect(isYearMonth("2026-11")).toBe(true);
    for (const text of ["2026-13", "2026-1", "26-11", "2026-11-01", "novembre"])
      expect(isYearMonth(text), text).toBe(false);
    expect(() => monthBounds("2026-13", paris)).toThrow(RangeError);
  });
});
