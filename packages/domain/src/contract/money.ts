import { parsedText } from "./primitives.js";

/**
 * Money and percentages are written as text and parsed exactly: never through a float.
 * "899 EUR" is 89 900 cents; "12.5" per cent is 1 250 basis points.
 */

export interface Money {
  /** Integer number of cents (hundredths of the currency unit). */
  cents: number;
  currency: string;
  /** As written in the contract, for explanations (GEN-02). */
  text: string;
}

const AMOUNT = /^(\d{1,12})(?:\.(\d{1,2}))?\s+([A-Z]{3})$/;

export function parseMoney(text: string): Money | undefined {
  const match = AMOUNT.exec(text.trim());
  if (!match) return undefined;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  return { cents, currency: match[3] as string, text };
}

export interface Percent {
  /** Hundredths of a per cent: "12.5" is 1250, "7.5" is 750, "0" is 0. */
  basisPoints: number;
  text: string;
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

export function parsePercent(text: string): Percent | undefined {
  const match = PERCENT.exec(text.trim());
  if (!match) return undefined;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  return basisPoints <= 10_000 ? { basisPoints, text } : undefined;
}

export const ZMoney = parsedText('expected an amount such as "69 EUR" or "12.50 EUR"', parseMoney);

export const ZPercent = parsedText(
  'expected a percentage between "0" and "100" written as quoted text such as "12.5"',
  parsePercent,
);
