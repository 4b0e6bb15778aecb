import { inFeeBasis } from "./fee-basis.js";

/**
 * What the invoice, the month's simulation and the budgets each do with a FOCUS charge, by its
 * ChargeCategory and ChargeFrequency: one reading, so the simulation says what the invoice will.
 */

/**
 * The charge categories the invoice does not resell: taxes a vendor charges, since the invoice
 * applies its own VAT (interpretation, issue 17). A query leaves them out with this list.
 */
export const NOT_RESOLD_CATEGORIES: readonly string[] = ["Tax"];

export function isResold(chargeCategory: string): boolean {
  return !NOT_RESOLD_CATEGORIES.includes(chargeCategory);
}

/**
 * A usage credit the vendor allocates (MCR-BIL-03, MCR 5.2 "crédits d'utilisation … alloués par le
 * Fournisseur"): passed on as billed, on a line of its own, never netted into a service's usage.
 */
export function isVendorCredit(chargeCategory: string): boolean {
  return chargeCategory === "Credit";
}

/**
 * A charge that repeats through the month (usage, recurring purchases), which the run-rate
 * forecast extrapolates: the same lines as the support fee's basis. A one-time purchase, a
 * credit or an adjustment counts once, as it is: a set-up fee bought on the 3rd is not bought
 * ten times by the month's end.
 */
export function repeatsThroughMonth(chargeCategory: string, chargeFrequency: string | null): boolean {
  return inFeeBasis(chargeCategory, chargeFrequency);
}

/** The order of the lines of a month's consumption: by vendor, then service, a service's credits after its usage. */
export function consumptionLineOrder(
  a: { vendor: string; service: string; credit: boolean },
  b: { vendor: string; service: string; credit: boolean },
): number {
  return (
    a.vendor.localeCompare(b.vendor) ||
    a.service.localeCompare(b.service) ||
    Number(a.credit) - Number(b.credit)
  );
}
