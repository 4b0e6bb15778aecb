import { describe, expect, it } from "vitest";
import { addExact, centsToDecimal, divideExact, parseDecimal, roundToCents } from "./exact.js";

const d = (text: string) => {
  const value = parseDecimal(text);
  if (!value) throw new Error(text);
  return value;
};

describe("exact amounts (MCR-BIL-02: no floats, one rounding)", () => {
  it("reads FOCUS decimals exactly, with exponents and signs", () => {
    expect(d("0.00000080000")).toEqual({ num: 1n, den: 1_250_000n });
    expect(d("-12.5")).toEqual({ num: -25n, den: 2n });
    expect(d("1e-7")).toEqual({ num: 1n, den: 10_000_000n });
    expect(d("2.5E3")).toEqual({ num: 2500n, den: 1n });
    for (const bad of ["", "1,5", "NULL", "1.2.3", "0x10", "Infinity"])
      expect(parseDecimal(bad), bad).toBeUndefined();
  });

  it("keeps what a float would lose: 0.1 + 0.2 is 0.3", () => {
    expect(addExact(d("0.1"), d("0.2"))).toEqual(d("0.3"));
  });

  it("rounds half-up to the cent, a half going away from zero", () => {
    expect(centsToDecimal(roundToCents(d("12.345")))).toBe("12.35");
    expect(centsToDecimal(roundToCents(d("12.3449999")))).toBe("12.34");
    expect(centsToDecimal(roundToCents(d("-12.345")))).toBe("-12.35");
    expect(centsToDecimal(roundToCents(d("-0.004")))).toBe("0.00");
    expect(centsToDecimal(roundToCents(d("0.005")))).toBe("0.01");
  });

  it("divides without a finite decimal form and rounds only at the end", () => {
    // 100 / 1.0845 = 92.2083909635…: 1.0845 × 92.205 = 99.9963… < 100, so it is above the half.
    expect(centsToDecimal(roundToCents(divideExact(d("100"), d("1.0845"))))).toBe("92.21");
    // 1 / 3 three times is exactly 1.
    const third = divideExact(d("1"), d("3"));
    expect(centsToDecimal(roundToCents(addExact(addExact(third, third), third)))).toBe("1.00");
  });
});
