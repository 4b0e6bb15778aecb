import { describe, expect, it } from "vitest";
import { currencySymbol, formatDecimalMoney, formatMoney, formatPercentText } from "./format-money.js";

// Issue 17: one money-formatting path, fed by the contract's currency (MCR-BIL-04, issue 23 CHF).
describe("formatMoney", () => {
  it("writes euros and francs in French and English, grouped, never through a float", () => {
    expect(formatMoney(123456789n, "fr", "EUR")).toBe("1\u202f234\u202f567,89\u00a0€");
    expect(formatMoney(123456789n, "fr", "CHF")).toBe("1\u202f234\u202f567,89\u00a0CHF");
    expect(formatMoney(123456789n, "en", "EUR")).toBe("€1,234,567.89");
    expect(formatMoney(123456789n, "en", "CHF")).toBe("CHF\u00a01,234,567.89");
    expect(formatMoney(-5, "fr", "CHF")).toBe("−0,05\u00a0CHF");
  });
  it("reads the API's decimal strings", () => {
    expect(formatDecimalMoney("2294.8", "fr", "CHF")).toBe("2\u202f294,80\u00a0CHF");
    expect(formatDecimalMoney("-0.05", "en", "EUR")).toBe("−€0.05");
    expect(formatDecimalMoney("12", "en", "USD")).toBe("USD\u00a012.00");
    expect(currencySymbol("EUR")).toBe("€");
    expect(currencySymbol("CHF")).toBe("CHF");
  });
  it("writes a percentage in each language's typography", () => {
    expect(formatPercentText("7.5", "fr")).toBe("7,5\u00a0%");
    expect(formatPercentText("7.5", "en")).toBe("7.5%");
    expect(formatPercentText("10", "en")).toBe("10%");
  });
});
