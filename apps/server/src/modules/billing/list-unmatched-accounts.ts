import { costDaily, type Db } from "@guichet/db";
import { asc, isNull, max, min, sql, sum } from "drizzle-orm";

export interface UnmatchedAccount {
  vendor: string;
  billingAccountId: string;
  subAccountId: string;
  currency: string;
  /** Sum of BilledCost, full precision. */
  billedCost: string;
  lineCount: number;
  firstDay: string;
  lastDay: string;
}

/**
 * Vendor accounts whose cost lines match no customer (MCR-BIL-01): kept, billed to no one, and
 * shown to staff until the account is recorded on a customer's subscription or order.
 */
export async function listUnmatchedAccounts(db: Db): Promise<UnmatchedAccount[]> {
  const rows = await db
    .select({
      vendor: costDaily.vendor,
      billingAccountId: costDaily.billingAccountId,
      subAccountId: costDaily.subAccountId,
      currency: costDaily.currency,
      billedCost: sum(costDaily.billedCost),
      lineCount: sql<string>`sum(${costDaily.lineCount})`,
      firstDay: min(costDaily.day),
      lastDay: max(costDaily.day),
    })
    .from(costDaily)
    .where(isNull(costDaily.organisationId))
    .groupBy(costDaily.vendor, costDaily.billingAccountId, costDaily.subAccountId, costDaily.currency)
    .orderBy(
      asc(costDaily.vendor),
      asc(costDaily.billingAccountId),
      asc(costDaily.subAccountId),
      asc(costDaily.currency),
    );
  return rows.map((r) => ({
    vendor: r.vendor,
    billingAccountId: r.billingAccountId,
    subAccountId: r.subAccountId,
    currency: r.currency,
    billedCost: trimDecimal(r.billedCost ?? "0"),
    lineCount: Number(r.lineCount),
    firstDay: r.firstDay ?? "",
    lastDay: r.lastDay ?? "",
  }));
}

/** "0.000011040000000000" → "0.00001104": PostgreSQL keeps the scale of the sum's terms. */
export function trimDecimal(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
