import { describe, expect, it } from "vitest";
import { parseCalendarDuration, parseMoney, parsePercent, parseTerm } from "./index.js";

describe("parseMoney", () => {
  it("reads whole and decimal amounts into integer cents", () => {
    expect(parseMoney("69 EUR")).toEqual({ cents: 6_900, currency: "EUR", text: "69 EUR" });
    expect(parseMoney("12.5 EUR")?.cents).toBe(1_250);
    expect(parseMoney("0.07 EUR")?.cents).toBe(7);
    expect(parseMoney("150000 EUR")?.cents).toBe(15_000_000);
  });

  it("refuses what it cannot read exactly", () => {
    for (const text of ["69", "69 €", "69,00 EUR", "12.505 EUR", "-5 EUR", "EUR 69"])
      expect(parseMoney(text), text).toBeUndefined();
  });
});

describe("parsePercent", () => {
  it("reads percentages into basis points without floats", () => {
    expect(parsePercent("12.5")?.basisPoints).toBe(1_250);
    expect(parsePercent("7.5")?.basisPoints).toBe(750);
    expect(parsePercent("0.01")?.basisPoints).toBe(1);
    expect(parsePercent("100")?.basisPoints).toBe(10_000);
  });

  it("refuses commas, signs and more than 100 %", () => {
    for (const text of ["12,5", "-1", "100.01", "12.5%", "abc", ""])
      expect(parsePercent(text), text).toBeUndefined();
  });
});

describe("durations", () => {
  it("reads calendar durations as amount and unit", () => {
    expect(parseCalendarDuration("6 months")).toEqual({ amount: 6, unit: "months", text: "6 months" });
    expect(parseCalendarDuration("1 month")).toMatchObject({ amount: 1, unit: "months" });
    expect(parseCalendarDuration("30 days")).toMatchObject({ amount: 30, unit: "days" });
    expect(parseCalendarDuration("0 days")).toBeUndefined();
    expect(parseCalendarDuration("5 business days")).toBeUndefined();
  });

  it("reads a term as a duration, none, or the document that sets it", () => {
    expect(parseTerm("3 months")).toEqual({ kind: "duration", amount: 3, unit: "months", text: "3 months" });
    expect(parseTerm("none")).toEqual({ kind: "none" });
    expect(parseTerm("specific-conditions")).toEqual({ kind: "elsewhere", document: "specific-conditions" });
    expect(parseTerm("soon")).toBeUndefined();
  });
});
