import { addExact, divideExact, type Exact, multiplyExact, ZERO_EXACT } from "./exact.js";

/**
 * The basis of the support fee (MCR-BIL-02, MCR 5.3.4: "la facture avant remise hors frais de mise
 * en service"). Interpretation, written in contracts/multicloud-ready.yaml: the sum of ListCost
 * (the price before any discount), in EUR, of the month's lines whose ChargeCategory is Usage or
 * Purchase, without one-time purchases (ChargeFrequency "One-Time": the set-up fees). Credits,
 * taxes and adjustments are not in it. Corrections (ChargeClass "Correction") of Usage or Purchase
 * lines are, as they change what the month bills.
 */
export function inFeeBasis(chargeCategory: string, chargeFrequency: string | null | undefined): boolean {
  return (chargeCategory === "Usage" || chargeCategory === "Purchase") && chargeFrequency !== "One-Time";
}

/** One line's or one aggregate's amount, in the currency it was billed in. */
export interface CostAmount {
  chargeCategory: string;
  chargeFrequency: string | null;
  listCost: Exact;
  currency: string;
}

/** Units of each currency per euro, as the ECB publishes them ("USD": 1.0845). */
export type EuroRates = Readonly<Record<string, Exact>>;

export class MissingRateError extends Error {
  constructor(readonly currency: string) {
    super(`no euro reference rate for ${currency}`);
    this.name = "MissingRateError";
  }
}

/** Sums per currency, exactly, then converts each sum once: the same value as line by line. */
export function sumByCurrency(amounts: Iterable<CostAmount>): Map<string, Exact> {
  const sums = new Map<string, Exact>();
  for (const a of amounts) {
    if (!inFeeBasis(a.chargeCategory, a.chargeFrequency)) continue;
    sums.set(a.currency, addExact(sums.get(a.currency) ?? ZERO_EXACT, a.listCost));
  }
  return sums;
}

/** An amount in `currency` to euros: divided by the units per euro. EUR needs no rate. */
export function toEuro(amount: Exact, currency: string, rates: EuroRates): Exact {
  if (currency === "EUR") return amount;
  const rate = rates[currency];
  if (!rate) throw new MissingRateError(currency);
  return divideExact(amount, rate);
}

/**
 * An amount in `from` to `to` (the contract's billing currency, issue 23): through the euro at the
 * ECB's rates, the only reference rates imported (USD to CHF is USD to EUR times CHF per euro).
 */
export function toCurrency(amount: Exact, from: string, to: string, rates: EuroRates): Exact {
  if (from === to) return amount;
  const euros = toEuro(amount, from, rates);
  if (to === "EUR") return euros;
  const rate = rates[to];
  if (!rate) throw new MissingRateError(to);
  return multiplyExact(euros, rate);
}

/**
 * The exact basis in `currency` (EUR unless the contract bills in another); throws
 * MissingRateError for the first currency without a rate.
 */
export function feeBasis(amounts: Iterable<CostAmount>, rates: EuroRates, currency = "EUR"): Exact {
  let basis = ZERO_EXACT;
  for (const [from, sum] of sumByCurrency(amounts))
    basis = addExact(basis, toCurrency(sum, from, currency, rates));
  return basis;
}
