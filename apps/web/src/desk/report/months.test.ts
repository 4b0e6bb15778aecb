import { describe, expect, it } from "vitest";
import { MONTH, monthOf, monthsUpTo, shiftMonth } from "./months";

describe("report months", () => {
  it("counts a month in Paris time, like the server's report", () => {
    expect(monthOf(Date.parse("2026-10-31T22:30:00Z"), "Europe/Paris")).toBe("2026-10");
    expect(monthOf(Date.parse("2026-10-31T23:30:00Z"), "Europe/Paris")).toBe("2026-11");
  });

  it("moves across years both ways", () => {
    expect(shiftMonth("2026-11", -11)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
  });

  it("lists the months up to one, newest first", () => {
    expect(monthsUpTo("2026-02", 3)).toEqual(["2026-02", "2026-01", "2025-12"]);
  });

  it("accepts only real months", () => {
    expect(MONTH.test("2026-11")).toBe(true);
    expect(MONTH.test("2026-13")).toBe(false);
    expect(MONTH.test("2026-1")).toBe(false);
  });
});
