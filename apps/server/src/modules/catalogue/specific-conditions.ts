import { type Db, specificConditions } from "@guichet/db";
import type { Contract, SpecificConditions } from "@guichet/domain";
import { and, asc, desc, eq, lte } from "drizzle-orm";

/**
 * The reader of "Conditions Spécifiques" for every other part of the product (order forms,
 * subscriptions and their terminations, maintenance notice): what was in force for a catalogue
 * item on a civil date. Values are the provider's, recorded with their effective date
 * (record-specific-conditions.ts); none is ever written in code.
 *
 *   const conditions = await readConditionsInForce(db, "e-sav", "2026-03-01");
 *   // → { monthlyPriceCents: 15000, minimumMonths: 12, terminationNoticeMonths: 3, ... } or null
 */
export async function readConditionsInForce(
  db: Db,
  catalogueItemId: string,
  date: string,
): Promise<SpecificConditions | null> {
  const [row] = await db
    .select()
    .from(specificConditions)
    .where(
      and(
        eq(specificConditions.catalogueItemId, catalogueItemId),
        lte(specificConditions.effectiveFrom, date),
      ),
    )
    .orderBy(desc(specificConditions.effectiveFrom))
    .limit(1);
  return row ? toConditions(row) : null;
}

/** Every version of every item, oldest first per item: the history the back office shows. */
export async function listSpecificConditions(db: Db): Promise<SpecificConditions[]> {
  const rows = await db
    .select()
    .from(specificConditions)
    .orderBy(asc(specificConditions.catalogueItemId), asc(specificConditions.effectiveFrom));
  return rows.map(toConditions);
}

function toConditions(row: typeof specificConditions.$inferSelect): SpecificConditions {
  return {
    catalogueItemId: row.catalogueItemId,
    effectiveFrom: row.effectiveFrom,
    documentTitle: row.documentTitle,
    documentVersion: row.documentVersion,
    monthlyPriceCents: row.monthlyPriceCents,
    minimumMonths: row.minimumMonths,
    terminationNoticeMonths: row.terminationNoticeMonths,
    maintenanceNoticeDays: row.maintenanceNoticeDays,
    changeNoticeMonths: row.changeNoticeMonths,
    demo: row.demo,
  };
}

/** Whether the contract sends this item's price or periods to its specific conditions (DSN art. 4.2, 6, 9). */
export function usesSpecificConditions(contract: Contract, catalogueItemId: string): boolean {
  const item = contract.catalogue.items.find((i) => i.id === catalogueItemId);
  if (!item) return false;
  const elsewhere = (term: unknown) =>
    typeof term === "object" &&
    term !== null &&
    (term as { document?: string }).document === "specific-conditions";
  return (
    (item.price !== undefined && contract.prices[item.price]?.kind === "specific-conditions") ||
    elsewhere(item.minimumCommitment) ||
    elsewhere(item.terminationNotice)
  );
}
