import { describe, expect, it } from "vitest";
import { centsOf, decimalOf } from "./amount.js";
import { remainingFees } from "./prorate.js";

describe("remaining fees, prorated by days per calendar month (DSN-ORD-04)", () => {
  it("sums each month's share: 150.00 a month from 10 April to 15 June 2026 is 105.00 + 150.00 + 70.00", () => {
    const fees = remainingFees(15_000, "2026-04-10", "2026-06-15");
    expect(fees.months).toEqual([
      { month: "2026-04", days: 21, daysInMonth: 30, cents: 10_500 },
      { month: "2026-05", days: 31, daysInMonth: 31, cents: 15_000 },
      { month: "2026-06", days: 14, daysInMonth: 30, cents: 7_000 },
    ]);
    expect(decimalOf(fees.cents)).toBe("325.00");
  });

  it("rounds half up per month, then sums (0.15 a month: half a cent on each side rounds to 1 cent each)", () => {
    expect(remainingFees(15, "2026-04-30", "2026-05-01").cents).toBe(1);
    expect(remainingFees(14, "2026-04-30", "2026-05-01").cents).toBe(0);
    // 1 + 15 + 1, where rounding the total would give 16.
    expect(remainingFees(15, "2026-04-30", "2026-06-02").cents).toBe(17);
  });

  it("owes nothing once the minimum period is over", () => {
    expect(remainingFees(15_000, "2026-07-01", "2026-06-15")).toEqual({ cents: 0, months: [] });
  });

  it("reads and writes amounts without floats", () => {
    expect(centsOf("150.00")).toBe(15_000);
    expect(centsOf("99.9")).toBe(9_990);
    expect(centsOf("12")).toBe(1_200);
    expect(centsOf("1.005")).toBeUndefined();
    expect(centsOf("-3")).toBeUndefined();
    expect(decimalOf(7)).toBe("0.07");
  });
});
