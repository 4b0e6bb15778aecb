/**
 * Amounts as people and files write them ("150.00", "150", "12.5") and integer cents, both ways,
 * never through a float (DESIGN: money is integer cents, rounding is explicit).
 */
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Cents of a decimal amount with at most two decimals, or undefined when it is not one. */
export function centsOf(text: string): number | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** "325.00" for 32 500 cents. */
export function decimalOf(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** numerator ÷ denominator rounded half up, for non-negative integers. */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
