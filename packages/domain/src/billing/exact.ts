/**
 * Exact amounts for billing (MCR-BIL-02): a fraction of two bigints, never a float. FOCUS amounts
 * are decimals with up to 18 places and ECB rates have 4 to 6; converting one by the other
 * (dividing) has no finite decimal form, so an amount stays an exact fraction until the one
 * rounding its invoice line or figure gets: half-up to the cent, where "half-up" means a half
 * cent goes away from zero (12.345 → 12.35, −12.345 → −12.35).
 */
export interface Exact {
  readonly num: bigint;
  /** Always positive. */
  readonly den: bigint;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function make(num: bigint, den: bigint): Exact {
  if (den === 0n) throw new RangeError("division by zero");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export const ZERO_EXACT: Exact = { num: 0n, den: 1n };

/** "0.00000080000", "-12.5", "1e-7" → exact value; undefined when the text is not a decimal number. */
export function parseDecimal(text: string): Exact | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  let num = BigInt(`${whole}${fraction}`);
  let den = 10n ** BigInt(fraction.length);
  const e = Number(exponent);
  if (e > 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  return make(sign === "-" ? -num : num, den);
}

export function fromCents(cents: bigint | number): Exact {
  return make(BigInt(cents), 100n);
}

export function addExact(a: Exact, b: Exact): Exact {
  return a.den === b.den ? make(a.num + b.num, a.den) : make(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function multiplyExact(a: Exact, b: Exact): Exact {
  return make(a.num * b.num, a.den * b.den);
}

export function divideExact(a: Exact, b: Exact): Exact {
  return make(a.num * b.den, a.den * b.num);
}

export function compareExact(a: Exact, b: Exact): number {
  const d = a.num * b.den - b.num * a.den;
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

/** Half-up (a half goes away from zero) to an integer number of cents. */
export function roundToCents(a: Exact): bigint {
  const scaled = a.num * 100n;
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const q = magnitude / a.den;
  const rounded = (magnitude % a.den) * 2n >= a.den ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** Integer cents as a decimal string with two places: 123456n → "1234.56", -5n → "-0.05". */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const magnitude = negative ? -cents : cents;
  const text = `${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}
