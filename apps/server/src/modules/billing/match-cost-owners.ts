import { costDaily, type Db } from "@guichet/db";
import { and, eq, isNull } from "drizzle-orm";
import { vendorAccountsByBillingId } from "../orders/vendor-accounts.js";

/** A vendor account as FOCUS names it: the billing account, and the sub-account ("" when none). */
export interface CostAccount {
  vendor: string;
  billingAccountId: string;
  subAccountId: string;
}

export const costAccountKey = (a: CostAccount) =>
  `${a.vendor}\u0000${a.billingAccountId}\u0000${a.subAccountId}`;

/**
 * The one place cost lines meet customers (MCR-BIL-01): each account to the organisation that holds
 * it among the vendor accounts recorded on orders (vendor_accounts, vendorAccountsByBillingId). The
 * sub-account first (a reseller's customers usually share one billing account: SubAccountId is the
 * AWS account, the Azure subscription, the GCP project), else the billing account, but only when
 * every vendor account it names belongs to one customer: a billing account shared by several
 * customers, without a sub-account that tells them apart, is never guessed. An account missing from
 * the map has no owner: its lines are kept without one and listed for staff
 * (listUnmatchedAccounts), never dropped and never billed to anyone.
 */
export async function matchCostOwners(
  db: Db,
  accounts: readonly CostAccount[],
): Promise<Map<string, string>> {
  const ids = accounts.flatMap((a) =>
    a.subAccountId ? [a.subAccountId, a.billingAccountId] : [a.billingAccountId],
  );
  const recorded = await vendorAccountsByBillingId(db, ids);
  const soleOwner = (id: string, bySubAccount: boolean) => {
    const matches = (recorded.get(id) ?? []).filter((v) => !bySubAccount || v.vendorAccountId === id);
    const owners = new Set(matches.map((v) => v.organisationId));
    return owners.size === 1 ? [...owners][0] : undefined;
  };
  const owners = new Map<string, string>();
  for (const account of accounts) {
    const owner =
      (account.subAccountId ? soleOwner(account.subAccountId, true) : undefined) ??
      soleOwner(account.billingAccountId, false);
    if (owner) owners.set(costAccountKey(account), owner);
  }
  return owners;
}

/**
 * Gives the daily sums still without an owner to the customers whose vendor accounts were recorded
 * since they were imported (the invoice run calls it first, in its transaction): their lines are
 * then billed, once, by the month they belong to. Returns how many daily rows found an owner.
 */
export async function rematchCostOwners(db: Db): Promise<number> {
  const unmatched = await db
    .selectDistinct({
      vendor: costDaily.vendor,
      billingAccountId: costDaily.billingAccountId,
      subAccountId: costDaily.subAccountId,
    })
    .from(costDaily)
    .where(isNull(costDaily.organisationId));
  if (unmatched.length === 0) return 0;
  const owners = await matchCostOwners(db, unmatched);
  let moved = 0;
  for (const account of unmatched) {
    const owner = owners.get(costAccountKey(account));
    if (!owner) continue;
    const updated = await db
      .update(costDaily)
      .set({ organisationId: owner })
      .where(
        and(
          isNull(costDaily.organisationId),
          eq(costDaily.vendor, account.vendor),
          eq(costDaily.billingAccountId, account.billingAccountId),
          eq(costDaily.subAccountId, account.subAccountId),
        ),
      )
      .returning({ day: costDaily.day });
    moved += updated.length;
  }
  return moved;
}
