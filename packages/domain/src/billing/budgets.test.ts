import { describe, expect, it } from "vitest";
import { alertKey, budgetSpend, dueBudgetAlerts } from "./budgets.js";
import type { MonthSimulation } from "./month-simulation.js";

const simulation = (daysElapsed: number, lines: MonthSimulation["lines"]) =>
  ({ month: "2026-11", daysElapsed, daysInMonth: 30, lines }) as MonthSimulation;

describe("budgets and alerts (MCR 6.1.2)", () => {
  const month = simulation(10, [
    { vendor: "aws", service: "Amazon EC2", billed: "300.00" },
    { vendor: "aws", service: "Amazon S3", billed: "50.50" },
    { vendor: "microsoft", service: "Virtual Machines", billed: "99.50" },
  ]);

  it("compares the month to date and its run-rate forecast, for the whole account or one vendor", () => {
    expect(budgetSpend(month, null)).toEqual({ actualCents: 45_000n, forecastCents: 135_000n });
    // 350.50 / 10 × 30 = 1051.50
    expect(budgetSpend(month, "aws")).toEqual({ actualCents: 35_050n, forecastCents: 105_150n });
    // 1/3 day's worth rounds half-up to the cent: 0.01 × 30 / 7 = 0.0428… → 0.04
    expect(budgetSpend(simulation(7, [{ vendor: "aws", service: "S3", billed: "0.01" }]), null)).toEqual({
      actualCents: 1n,
      forecastCents: 4n,
    });
    expect(budgetSpend(simulation(0, []), null)).toEqual({ actualCents: 0n, forecastCents: 0n });
  });

  it("owes each threshold reached, actual and forecast apart, once per month", () => {
    const budget = { id: "b", vendor: null, amountCents: 100_000, thresholds: [100, 50, 80] };
    const spend = budgetSpend(month, null); // 450.00 actual, 1350.00 forecast, of 1000.00
    expect(dueBudgetAlerts(budget, spend, new Set()).map((a) => `${a.threshold}/${a.basis}`)).toEqual([
      "50/forecast",
      "80/forecast",
      "100/forecast",
    ]);
    const exactly = { ...budget, amountCents: 90_000 }; // 450.00 is exactly 50 % of 900.00
    expect(dueBudgetAlerts(exactly, spend, new Set()).filter((a) => a.basis === "actual")).toEqual([
      { budgetId: "b", threshold: 50, basis: "actual", spentCents: 45_000n },
    ]);
    const sent = new Set([alertKey("b", 50, "forecast"), alertKey("b", 80, "forecast")]);
    expect(dueBudgetAlerts(budget, spend, sent).map((a) => a.threshold)).toEqual([100]);
  });
});
