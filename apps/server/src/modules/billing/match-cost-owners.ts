import type { Db } from "@guichet/db";

/** A vendor account as FOCUS names it: the billing account, and the sub-account ("" when none). */
export interface CostAccount {
  vendor: string;
  billingAccountId: string;
  subAccountId: string;
}

export const costAccountKey = (a: CostAccount) =>
  `${a.vendor}\u0000${a.billingAccountId}\u0000${a.subAccountId}`;

/**
 * The one place cost lines meet customers (MCR-BIL-01): each account to the organisation whose
 * subscription or order records it as its vendor account, the sub-account first (a reseller's
 * customers usually share one billing account), else the billing account. An account missing
 * from the map has no owner: its lines are kept without one and listed for staff
 * (listUnmatchedAccounts), never dropped and never billed to anyone.
 *
 * Vendor accounts are being added to customers' subscriptions and orders (issue 16); until they
 * land nothing records one, so every account is unmatched and this returns an empty map. They
 * will be read here, and rematchCostOwners run when one is recorded.
 */
export async function matchCostOwners(
  _db: Db,
  _accounts: readonly CostAccount[],
): Promise<Map<string, string>> {
  return new Map();
}
