import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import { evaluateFeeCases } from "./evaluate-fees.js";

const mcr = shippedContract("multicloud-ready");
const dsn = shippedContract("deux-sevres-eservices");

type Line = [category: string, frequency: string | null, listCost: string, currency?: string];
const lines = (...rows: Line[]) =>
  rows.map(([ChargeCategory, ChargeFrequency, ListCost, BillingCurrency = "EUR"]) => ({
    ChargeCategory,
    ChargeFrequency,
    ListCost,
    BilledCost: ListCost,
    BillingCurrency,
  }));

function run(plan: string, rows: Line[], rates: Record<string, string> = {}, contract = mcr) {
  const { results } = evaluateFeeCases(
    { cases: [{ id: "c", plan, month: "2026-10", rates, lines: lines(...rows) }] },
    contract,
  );
  return results[0];
}

describe("support fee (MCR-BIL-02, MCR 5.3.4), every figure computed by hand", () => {
  it("Premium: 12.5 % of Usage and recurring Purchase; set-up fees, credits and taxes left out", () => {
    const result = run("premium", [
      ["Usage", "Usage-Based", "8000.00"],
      ["Purchase", "Recurring", "500.00"],
      ["Purchase", "One-Time", "1000.00"],
      ["Credit", "One-Time", "-300.00"],
      ["Tax", "Recurring", "1700.00"],
      ["Adjustment", "One-Time", "-50.00"],
    ]);
    // 8000 + 500 = 8500.00; 12.5 % = 1062.50, above the 899 € minimum.
    expect(result).toMatchObject({
      basis: "8500.00",
      fee: "1062.50",
      minimumApplied: false,
      clause: "MCR-BIL-02",
    });
    expect(result).toHaveProperty(
      "explanation",
      "Support Premium : 12,5\u00a0% de la facture avant remise hors frais de mise en service (8\u202f500,00\u00a0€) = 1\u202f062,50\u00a0€, au-dessus du minimum mensuel de 899,00\u00a0€ (MCR-BIL-02).",
    );
  });

  it("Business: USD converted at the ECB rate (units per euro), then the 199 € minimum", () => {
    // 1000 / 1.0845 = 922.0839…: basis 922.08; 10 % = 92.21 < 199.
    const result = run("business", [["Usage", "Usage-Based", "1000.00", "USD"]], { USD: "1.0845" });
    expect(result).toMatchObject({ basis: "922.08", fee: "199.00", minimumApplied: true });
    expect(result).toHaveProperty(
      "explanation",
      "Support Business : 10\u00a0% de la facture avant remise hors frais de mise en service (922,08\u00a0€) = 92,21\u00a0€, moins que le minimum mensuel : 199,00\u00a0€ (MCR-BIL-02).",
    );
  });

  it("Standard: the basis rounds half-up once, then the fee does (7.5 % of 1000.20 = 75.015 → 75.02)", () => {
    // 1000.195 exactly → 1000.20 (half-up); 7.5 % of 1000.20 = 75.015 → 75.02, above 69.
    const result = run("standard", [
      ["Usage", "Usage-Based", "600.0975"],
      ["Usage", "Usage-Based", "400.0975"],
    ]);
    expect(result).toMatchObject({ basis: "1000.20", fee: "75.02", minimumApplied: false });
  });

  it("keeps full precision across lines: no line is rounded before the sum", () => {
    // Three 0.01 USD lines at 2 USD per euro: 0.005 € each (0.01 each if rounded), 0.015 € in all → 0.02.
    const result = run(
      "standard",
      [0, 1, 2].map((): Line => ["Usage", "Usage-Based", "0.01", "USD"]),
      { USD: "2" },
    );
    expect(result).toMatchObject({ basis: "0.02", fee: "69.00", minimumApplied: true });
    // Ten FOCUS-sized amounts of 0.004 €: 0.04 €, though each rounds to 0.00.
    expect(
      run(
        "basic",
        Array.from({ length: 10 }, (): Line => ["Usage", null, "0.004"]),
      ),
    ).toMatchObject({
      basis: "0.04",
      fee: "0.00",
      minimumApplied: false,
    });
  });

  it("mixes currencies: 108.45 USD at 1.0845 is 100.00 €, plus 50 €", () => {
    const result = run(
      "premium",
      [
        ["Usage", "Usage-Based", "108.45", "USD"],
        ["Purchase", "Recurring", "50"],
      ],
      {
        USD: "1.0845",
      },
    );
    expect(result).toMatchObject({ basis: "150.00", fee: "899.00", minimumApplied: true });
  });

  it("Basic is 0 % with no minimum; the DSN e-soutien plan is free", () => {
    expect(run("basic", [["Usage", "Usage-Based", "123456.78"]])).toMatchObject({
      basis: "123456.78",
      fee: "0.00",
      minimumApplied: false,
    });
    const free = run(Object.keys(dsn.supportPlans)[0] as string, [["Usage", "Usage-Based", "10"]], {}, dsn);
    expect(free).toMatchObject({ fee: "0.00", clause: "DSN-SUP-01" });
  });

  it("a case without the rate of its currency, or with an unknown plan, says so; the others still run", () => {
    const { results } = evaluateFeeCases(
      {
        cases: [
          {
            id: "no-rate",
            plan: "business",
            month: "2026-10",
            lines: lines(["Usage", "Usage-Based", "1", "USD"]),
          },
          { id: "gold", plan: "gold", month: "2026-10", lines: [] },
          { id: "bad-category", plan: "basic", month: "2026-10", lines: lines(["Refund", null, "1"]) },
          { id: "ok", plan: "basic", month: "2026-10", lines: [] },
        ],
      },
      mcr,
    );
    expect(results[0]).toEqual({
      id: "no-rate",
      error: 'no rate for USD: give "rates": {"USD": "…"} (units per euro)',
    });
    expect(results[1]).toMatchObject({
      id: "gold",
      error: expect.stringContaining('unknown support plan "gold"'),
    });
    expect(results[2]).toMatchObject({
      id: "bad-category",
      error: expect.stringMatching(/^lines\.0\.ChargeCategory: /),
    });
    expect(results[3]).toMatchObject({ id: "ok", basis: "0.00", fee: "0.00" });
  });
});
