import { costVendors, type Db } from "@guichet/db";
import { sql } from "drizzle-orm";
import { z } from "zod";

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

/**
 * Every vendor's name by its slug: a row per vendor ever imported (a handful), so every answer
 * takes them all rather than picking. A slug without a name is left out (the reader shows it).
 */
export async function vendorNames(db: Db): Promise<Record<string, string>> {
  const rows = await db.select({ vendor: costVendors.vendor, name: costVendors.name }).from(costVendors);
  return Object.fromEntries(rows.map((r) => [r.vendor, r.name]));
}

/** `vendorNames` in an answer: the name each vendor slug stands for ("AWS" for "aws"). */
export const ZVendorNames = z
  .record(z.string(), z.string())
  .describe('The name each vendor slug stands for, as its files write it ("AWS" for "aws")');
