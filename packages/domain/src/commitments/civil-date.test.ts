import { describe, expect, it } from "vitest";
import {
  addMonths,
  daysBetween,
  firstDayOfMonthOnOrAfter,
  firstDayOfNextMonth,
  isCivilDate,
} from "./civil-date.js";

describe("civil dates, de quantième à quantième (CPC art. 641)", () => {
  it("ends a period of months on the day with the same number, or the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2025-06-15", 12)).toBe("2026-06-15");
    expect(addMonths("2026-01-10", 3)).toBe("2026-04-10");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("takes the first day of the next calendar month, the 1st included", () => {
    expect(firstDayOfNextMonth("2026-05-14")).toBe("2026-06-01");
    expect(firstDayOfNextMonth("2026-05-01")).toBe("2026-06-01");
    expect(firstDayOfNextMonth("2026-12-31")).toBe("2027-01-01");
    expect(firstDayOfMonthOnOrAfter("2026-09-01")).toBe("2026-09-01");
    expect(firstDayOfMonthOnOrAfter("2026-09-15")).toBe("2026-10-01");
  });

  it("counts days and refuses dates that do not exist", () => {
    expect(daysBetween("2026-04-10", "2026-05-01")).toBe(21);
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
    expect(isCivilDate("2026-02-29")).toBe(false);
    expect(isCivilDate("2028-02-29")).toBe(true);
    expect(isCivilDate("2026-13-01")).toBe(false);
  });
});
