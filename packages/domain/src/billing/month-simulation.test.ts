import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import { centsToDecimal, type Exact, parseDecimal } from "./exact.js";
import { simulateMonth } from "./month-simulation.js";
import { costDay } from "./simulation-day.test-helper.js";

const mcr = shippedContract("multicloud-ready");
const d = (text: string) => parseDecimal(text) as Exact;

describe("month-to-date simulation with a run-rate forecast (MCR-BIL-04), figures by hand", () => {
  it("sums per vendor and service in EUR, implies the fee, and forecasts from the days elapsed", () => {
    const sim = simulateMonth(
      mcr,
      "business",
      "2026-11",
      [
        costDay("2026-11-01", "aws", "EC2", "1000.00"),
        costDay("2026-11-05", "aws", "EC2", "500.00"),
        // 542.25 USD at 1.0845 USD per euro = 500.00 €.
        costDay("2026-11-10", "microsoft", "Storage", "542.25", "542.25", "USD"),
        // A set-up fee is billed but not in the fee's basis.
        costDay("2026-11-10", "aws", "Support set-up", "300.00", "300.00", "EUR", "Purchase", "One-Time"),
      ],
      { USD: d("1.0845") },
    );
    // Each line's forecast: usage by the run rate (× 30 / 10), the one-time set-up fee as it is.
    expect(sim.lines).toEqual([
      { vendor: "aws", service: "EC2", credit: false, billed: "1500.00", forecast: "4500.00" },
      { vendor: "aws", service: "Support set-up", credit: false, billed: "300.00", forecast: "300.00" },
      { vendor: "microsoft", service: "Storage", credit: false, billed: "500.00", forecast: "1500.00" },
    ]);
    expect(sim.monthToDate).toBe("2300.00");
    expect([sim.lastDay, sim.daysElapsed, sim.daysInMonth]).toEqual(["2026-11-10", 10, 30]);
    // Basis 2000.00 (the set-up fee left out): 10 % = 200.00 ≥ 199.
    expect([
      centsToDecimal(sim.fee.basisCents),
      centsToDecimal(sim.fee.feeCents),
      sim.fee.minimumApplied,
    ]).toEqual(["2000.00", "200.00", false]);
    // Run rate: usage 2000 / 10 days × 30 days = 6000.00, plus the set-up fee once: 6300.00; basis
    // 2000 / 10 × 30 = 6000.00, fee 600.00.
    expect(sim.forecast.total).toBe("6300.00");
    expect([centsToDecimal(sim.forecast.fee.basisCents), centsToDecimal(sim.forecast.fee.feeCents)]).toEqual([
      "6000.00",
      "600.00",
    ]);
    expect(sim.days.map((x) => x.day)).toEqual(["2026-11-01", "2026-11-05", "2026-11-10"]);
  });

  it("leaves the vendors' taxes out and shows their usage credits apart, counted once (MCR-BIL-03)", () => {
    const sim = simulateMonth(
      mcr,
      "business",
      "2026-11",
      [
        costDay("2026-11-01", "aws", "EC2", "1000.00"),
        // The vendor's tax is not resold: the invoice applies its own VAT.
        costDay("2026-11-01", "aws", "EC2", "200.00", "200.00", "EUR", "Tax", null),
        // A credit the vendor allocated, on the 5th of 10 days elapsed.
        costDay("2026-11-05", "aws", "EC2", "-150.00", "-150.00", "EUR", "Credit", "One-Time"),
        costDay("2026-11-10", "aws", "EC2", "1000.00"),
      ],
      {},
    );
    expect(sim.lines).toEqual([
      { vendor: "aws", service: "EC2", credit: false, billed: "2000.00", forecast: "6000.00" },
      { vendor: "aws", service: "EC2", credit: true, billed: "-150.00", forecast: "-150.00" },
    ]);
    expect([sim.monthToDate, sim.forecast.total]).toEqual(["1850.00", "5850.00"]);
    // The fee's basis is the usage's ListCost alone: 2000.00, fee 10 % = 200.00.
    expect(centsToDecimal(sim.fee.feeCents)).toBe("200.00");
    expect(sim.days).toEqual([
      { day: "2026-11-01", billed: "1000.00" },
      { day: "2026-11-05", billed: "-150.00" },
      { day: "2026-11-10", billed: "1000.00" },
    ]);
  });

  it("a month without costs yet forecasts nothing and the minimum fee", () => {
    const sim = simulateMonth(mcr, "premium", "2026-02", [], {});
    expect([sim.monthToDate, sim.forecast.total, sim.daysInMonth, sim.daysElapsed]).toEqual([
      "0.00",
      "0.00",
      28,
      0,
    ]);
    expect(centsToDecimal(sim.forecast.fee.feeCents)).toBe("899.00");
  });
});
