import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import { alertKey, budgetSpend, dueBudgetAlerts } from "./budgets.js";
import { simulateMonth } from "./month-simulation.js";
import { costDay } from "./simulation-day.test-helper.js";

const usage = (
  day: string,
  vendor: string,
  service: string,
  billed: string,
  chargeFrequency = "Usage-Based",
) => costDay(day, vendor, service, billed, billed, "EUR", "Usage", chargeFrequency);
const simulation = (costs: ReturnType<typeof usage>[]) =>
  simulateMonth(shippedContract("multicloud-ready"), "business", "2026-11", costs, {});

describe("budgets and alerts (MCR 6.1.2)", () => {
  // Ten days of November (30 days) imported.
  const month = simulation([
    usage("2026-11-01", "aws", "Amazon EC2", "300.00"),
    usage("2026-11-05", "aws", "Amazon S3", "50.50"),
    usage("2026-11-10", "microsoft", "Virtual Machines", "99.50"),
  ]);

  it("compares the month to date and its run-rate forecast, for the whole account or one vendor", () => {
    // 450.00 / 10 × 30 = 1350.00
    expect(budgetSpend(month, null)).toEqual({ actualCents: 45_000n, forecastCents: 135_000n });
    // 350.50 / 10 × 30 = 1051.50
    expect(budgetSpend(month, "aws")).toEqual({ actualCents: 35_050n, forecastCents: 105_150n });
    // 0.01 / 7 days × 30 = 0.0428… rounds half-up to the cent: 0.04
    expect(budgetSpend(simulation([usage("2026-11-07", "aws", "S3", "0.01")]), null)).toEqual({
      actualCents: 1n,
      forecastCents: 4n,
    });
    expect(budgetSpend(simulation([]), null)).toEqual({ actualCents: 0n, forecastCents: 0n });
  });

  it("forecasts a one-time purchase once, not by the run rate", () => {
    const withLicence = simulation([
      usage("2026-11-01", "aws", "Amazon EC2", "300.00"),
      { ...usage("2026-11-10", "aws", "Marketplace", "1000.00", "One-Time"), chargeCategory: "Purchase" },
    ]);
    // 300 / 10 × 30 + 1000 = 1900.00, not 1300 / 10 × 30 = 3900.00
    expect(budgetSpend(withLicence, "aws")).toEqual({ actualCents: 130_000n, forecastCents: 190_000n });
    expect(budgetSpend(withLicence, null).forecastCents).toBe(190_000n);
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
