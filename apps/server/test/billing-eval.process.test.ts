import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "guichet-billing-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("guichet billing eval (MCR-BIL-02)", { timeout: 60_000 }, () => {
  it("computes support fees in the issue's format with the contract the file names", async () => {
    const file = join(dir, "fees.json");
    const line = (
      ChargeCategory: string,
      ChargeFrequency: string,
      ListCost: string,
      BillingCurrency: string,
    ) => ({
      ChargeCategory,
      ChargeFrequency,
      ListCost,
      BilledCost: ListCost,
      BillingCurrency,
    });
    writeFileSync(
      file,
      JSON.stringify({
        contract: "multicloud-ready",
        cases: [
          {
            id: "business-usd",
            plan: "business",
            month: "2026-10",
            rates: { USD: "1.0845" },
            // 2169 USD / 1.0845 = 2000.00 €; the 1000 € set-up fee is not in the basis; 10 % = 200.00 ≥ 199.
            lines: [
              line("Usage", "Usage-Based", "2169.00", "USD"),
              line("Purchase", "One-Time", "1000", "EUR"),
            ],
          },
          {
            id: "missing-rate",
            plan: "premium",
            month: "2026-10",
            lines: [line("Usage", "Usage-Based", "1", "GBP")],
          },
        ],
      }),
    );
    const result = await runCli(["billing", "eval", file]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const { results } = JSON.parse(result.stdout);
    expect(results[0]).toEqual({
      id: "business-usd",
      basis: "2000.00",
      fee: "200.00",
      minimumApplied: false,
      clause: "MCR-BIL-02",
      explanation: expect.stringContaining("10\u00a0% de la facture avant remise"),
    });
    expect(results[1]).toEqual({ id: "missing-rate", error: expect.stringContaining("no rate for GBP") });
  });

  it("refuses a file that is not a list of cases", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ contract: "multicloud-ready" }));
    const result = await runCli(["billing", "eval", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected {"contract": "…", "cases": […]}');
  });
});
