import { type Db, vendorAccounts } from "@guichet/db";
import { asc, eq, inArray, or } from "drizzle-orm";

/** A vendor account as the portal and billing read it (MCR-ACC-04). */
export interface VendorAccountView {
  id: string;
  organisationId: string;
  catalogueItemId: string;
  vendorAccountId: string;
  billingAccountId: string | null;
  consoleUrl: string;
  orderId: string | null;
  subscriptionId: string | null;
  createdAt: string;
}

type Row = typeof vendorAccounts.$inferSelect;

function present(row: Row): VendorAccountView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    catalogueItemId: row.catalogueItemId,
    vendorAccountId: row.vendorAccountId,
    billingAccountId: row.billingAccountId,
    consoleUrl: row.consoleUrl,
    orderId: row.orderId,
    subscriptionId: row.subscriptionId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One customer's vendor accounts, oldest first (the portal's list with console links, MCR-ACC-04). */
export async function listVendorAccounts(db: Db, organisationId: string): Promise<VendorAccountView[]> {
  const rows = await db
    .select()
    .from(vendorAccounts)
    .where(eq(vendorAccounts.organisationId, organisationId))
    .orderBy(asc(vendorAccounts.createdAt));
  return rows.map(present);
}

/**
 * The vendor accounts a cost line's ids name, for billing: a FOCUS line's BillingAccountId matches
 * an account's billing account, its SubAccountId the vendor account id itself. Answers every id
 * given that matched, keyed by that id (an id may name several accounts under one billing account).
 * Read with the caller's database handle: provider staff (tenant '*') see every customer's.
 */
export async function vendorAccountsByBillingId(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, VendorAccountView[]>> {
  const byId = new Map<string, VendorAccountView[]>();
  if (ids.length === 0) return byId;
  const wanted = [...new Set(ids)];
  const rows = await db
    .select()
    .from(vendorAccounts)
    .where(
      or(inArray(vendorAccounts.billingAccountId, wanted), inArray(vendorAccounts.vendorAccountId, wanted)),
    );
  const add = (id: string | null, view: VendorAccountView) => {
    if (id === null || !wanted.includes(id)) return;
    byId.set(id, [...(byId.get(id) ?? []), view]);
  };
  for (const row of rows) {
    const view = present(row);
    add(row.billingAccountId, view);
    if (row.vendorAccountId !== row.billingAccountId) add(row.vendorAccountId, view);
  }
  return byId;
}
