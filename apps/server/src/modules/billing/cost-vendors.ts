import { costVendors, type Db } from "@guichet/db";
import { inArray, sql } from "drizzle-orm";

/**
 * The vendors' names as their FOCUS files write them ("AWS", "Microsoft", "Google Cloud"), by the
 * slug the daily sums keep: an import records them (the latest file's wins), and every page that
 * shows a vendor to a customer reads them here, as cost_imports is the provider's own record.
 */
export async function recordVendorNames(
  db: Db,
  vendors: ReadonlyArray<{ vendor: string; vendorName: string }>,
  now: Date,
): Promise<void> {
  const named = new Map(vendors.map((v) => [v.vendor, v.vendorName]));
  if (named.size === 0) return;
  await db
    .insert(costVendors)
    .values([...named].map(([vendor, name]) => ({ vendor, name, updatedAt: now })))
    .onConflictDoUpdate({
      target: costVendors.vendor,
      set: { name: sql`excluded.name`, updatedAt: now },
    });
}

/** The names of `vendors` (slugs); a slug without a recorded name is left out (the reader shows the slug). */
export async function vendorNames(db: Db, vendors: Iterable<string>): Promise<Record<string, string>> {
  const slugs = [...new Set(vendors)];
  if (slugs.length === 0) return {};
  const rows = await db
    .select({ vendor: costVendors.vendor, name: costVendors.name })
    .from(costVendors)
    .where(inArray(costVendors.vendor, slugs));
  return Object.fromEntries(rows.map((r) => [r.vendor, r.name]));
}
