import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";

/**
 * Cloud consumption imported from FinOps FOCUS files (MCR-BIL-01, MCR-BIL-04). The detailed
 * lines stay in Parquet under the data directory; PostgreSQL keeps which file holds which
 * (vendor, billing account, billing period) and the daily aggregates the portal reads.
 * Amounts are `numeric` with the files' full precision: never floats, rounded only on invoices.
 */

/**
 * One (vendor, billing account, billing period) of one imported file: the unit a restated file
 * replaces. The files of one import (a period's export in several parts) are in force together;
 * a later import with that unit replaces them all, and they stay as the history (their Parquet
 * removed). Provider data: only staff read it.
 */
export const costImports = pgTable(
  "cost_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Shared by the units of one `guichet costs import` or one upload. */
    batchId: uuid("batch_id").notNull(),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file's bytes: the same file again is recognised and bills nothing twice. */
    fileSha256: text("file_sha256").notNull(),
    /** Slug of ServiceProviderName (FOCUS 1.3) or ProviderName: "aws", "microsoft", "google-cloud". */
    vendor: text("vendor").notNull(),
    vendorName: text("vendor_name").notNull(),
    billingAccountId: text("billing_account_id").notNull(),
    /** "YYYY-MM" of BillingPeriodStart (UTC). */
    billingPeriod: text("billing_period").notNull(),
    /** Relative to the deployment's data directory. */
    parquetPath: text("parquet_path").notNull(),
    lineCount: integer("line_count").notNull(),
    status: text("status", { enum: ["in_force", "replaced"] }).notNull(),
    replacedById: uuid("replaced_by_id"),
    importedByUserId: uuid("imported_by_user_id").references(() => users.id),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("cost_imports_unit_in_force_idx")
      .on(t.vendor, t.billingAccountId, t.billingPeriod)
      .where(sql`${t.status} = 'in_force'`),
    check("cost_imports_period_ck", sql`${t.billingPeriod} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/**
 * The name each vendor slug of the daily sums stands for, as the latest FOCUS file wrote it
 * (ServiceProviderName or ProviderName: "AWS", "Microsoft", "Google Cloud"): what the portal shows
 * a customer, who may not read cost_imports. Public names: everyone reads them, imports write them.
 */
export const costVendors = pgTable("cost_vendors", {
  vendor: text("vendor").primaryKey(),
  name: text("name").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/**
 * Daily sums per customer, vendor, account, service, region and charge category (with the charge
 * frequency, which the support fee's basis needs, and the billing currency). A row whose account
 * matches no customer has no organisation: staff see it in the unmatched accounts, no customer
 * does, and nothing is billed from it until the account is recorded on a customer.
 */
export const costDaily = pgTable(
  "cost_daily",
  {
    /**
     * cost_imports.id and organisations.id, as foreign keys checked once per statement rather than
     * once per row (migration 0042's triggers, with ON DELETE CASCADE and RESTRICT as before): an
     * import writes ~300,000 rows in one COPY, and the per-row checks were a third of its load on
     * PGlite (4.4 s to 2.8 s for 283,000 rows, issue 17).
     */
    importId: uuid("import_id").notNull(),
    organisationId: uuid("organisation_id"),
    /** UTC date of ChargePeriodStart. */
    day: date("day", { mode: "string" }).notNull(),
    billingPeriod: text("billing_period").notNull(),
    vendor: text("vendor").notNull(),
    billingAccountId: text("billing_account_id").notNull(),
    subAccountId: text("sub_account_id").notNull().default(""),
    service: text("service").notNull(),
    region: text("region").notNull().default(""),
    chargeCategory: text("charge_category").notNull(),
    chargeFrequency: text("charge_frequency").notNull(),
    currency: text("currency").notNull(),
    billedCost: numeric("billed_cost").notNull(),
    listCost: numeric("list_cost").notNull(),
    effectiveCost: numeric("effective_cost").notNull(),
    lineCount: integer("line_count").notNull(),
  },
  (t) => [
    // A customer's rows are read by customer and day; the rows of accounts no customer holds yet,
    // by account (rematchCostOwners, the unmatched list). Each row is in one of the two indexes
    // only: an import maintains two indexes per row, not three (issue 17).
    index("cost_daily_organisation_day_idx")
      .on(t.organisationId, t.day)
      .where(sql`${t.organisationId} is not null`),
    // Only an import's replacement reads rows by import, and an import's rows are written
    // together: a block range index finds them at a fraction of a B-tree's upkeep per row. Its
    // ranges keep several values each (multi-minmax), so a range where the rows of a few imports
    // meet (pages reused after a replacement) still points at those imports only.
    index("cost_daily_import_idx").using("brin", t.importId.op("uuid_minmax_multi_ops")),
    index("cost_daily_account_idx")
      .on(t.vendor, t.billingAccountId, t.subAccountId)
      .where(sql`${t.organisationId} is null`),
  ],
);

/** Euro foreign exchange reference rates, in the ECB's form: units of the currency per euro. */
export const euroRates = pgTable(
  "euro_rates",
  {
    day: date("day", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    unitsPerEuro: numeric("units_per_euro").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.currency] }),
    check("euro_rates_positive_ck", sql`${t.unitsPerEuro} > 0`),
  ],
);

export type CostImport = typeof costImports.$inferSelect;
export type CostDaily = typeof costDaily.$inferSelect;
