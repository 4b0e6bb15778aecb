import { type Db, priceRevisions } from "@guichet/db";
import { type Contract, parseMoney, parsePercent } from "@guichet/domain";
import { asc, lte } from "drizzle-orm";

/**
 * The contract with its prices as revised with notice and in force on a date (MCR-BIL-05: "Les
 * nouveaux prix s'appliquent aux Contrats en cours"): the invoice of a month reads the support
 * fee's percentage and minimum from it, on the month's 1st (revisions take effect on a 1st). The
 * contract file stays the base until a revision replaces the price.
 */
export async function contractWithRevisedPrices(
  db: Db,
  contract: Contract,
  onDate: string,
): Promise<Contract> {
  const revisions = await db
    .select()
    .from(priceRevisions)
    .where(lte(priceRevisions.effectiveFrom, onDate))
    .orderBy(asc(priceRevisions.effectiveFrom));
  if (revisions.length === 0) return contract;
  const prices = { ...contract.prices };
  for (const revision of revisions) {
    const price = prices[revision.priceKey];
    if (price?.kind !== "percent-of-invoice") continue;
    // A revision holds the whole price after it: its percentage, and its minimum or none.
    const percent = revision.percent === null ? undefined : parsePercent(revision.percent);
    const minimum = revision.monthlyMinimum === null ? undefined : parseMoney(revision.monthlyMinimum);
    prices[revision.priceKey] = { ...price, percent: percent ?? price.percent, monthlyMinimum: minimum };
  }
  return { ...contract, prices };
}
