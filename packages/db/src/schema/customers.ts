import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { organisations } from "./organisations.js";

/**
 * What the provider records of a customer organisation to contract and invoice it (issue 16):
 * its company identifiers, checked with their keys before they are written, and where invoices go.
 * One row per customer organisation; the organisation row keeps its name and legal identifier.
 * A customer established abroad (issue 17) has no SIREN: `billing_country` says where it is
 * established, and it may give its own country's registration number.
 */
export const customerDetails = pgTable(
  "customer_details",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Required by the product for a customer established in France; null abroad. */
    siren: text("siren"),
    /** A company established abroad: its own country's registration number, as it gave it. */
    registrationNumber: text("registration_number"),
    /** The establishment invoiced, when the customer gave one. */
    siret: text("siret"),
    /** Intra-community VAT number, French ones checked against the SIREN. */
    vatNumber: text("vat_number"),
    /**
     * What VIES answered about the VAT number when it was recorded (issue 17): "valid", "invalid",
     * or "not_checked" when no VIES check could be made (the shipped adapter); null without a number.
     */
    viesStatus: text("vies_status", { enum: ["valid", "invalid", "not_checked"] }),
    viesCheckedAt: timestamp("vies_checked_at", { withTimezone: true }),
    billingAddress: text("billing_address").notNull(),
    billingPostalCode: text("billing_postal_code").notNull(),
    billingCity: text("billing_city").notNull(),
    /** Where the customer is established, ISO 3166-1 alpha-2 (VAT treatment, issue 17). */
    billingCountry: text("billing_country").notNull().default("FR"),
    billingEmail: text("billing_email").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customer_details_siren_key").on(t.siren),
    // A customer established in France (Monaco being French for VAT) is known by its SIREN.
    check(
      "customer_details_siren_in_france_ck",
      sql`${t.siren} is not null or ${t.billingCountry} not in ('FR', 'MC')`,
    ),
  ],
);

/**
 * "Conditions Spécifiques": the price, minimum commitment, termination notice and maintenance
 * notice of a catalogue item, set by the provider with the date they take effect (DSN art. 4.2,
 * 6, 9, 14; DSN-ORD-02, DSN-ORD-04, DSN-SUP-07). The contract file says "specific-conditions"
 * for these values; they are never invented in code. A change is a new row from a later date:
 * the past stays readable ("what was in force on d"). Provider data, not a tenant's.
 */
export const specificConditions = pgTable(
  "specific_conditions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    catalogueItemId: text("catalogue_item_id").notNull(),
    /** First day (Europe/Paris civil date) these conditions apply. */
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    /** The document these values come from, as the customer's documents list shows it. */
    documentTitle: text("document_title").notNull(),
    documentVersion: text("document_version").notNull(),
    /** Monthly subscription price, in cents excluding VAT. */
    monthlyPriceCents: integer("monthly_price_cents").notNull(),
    /** Minimum commitment from activation, in months (0: none). */
    minimumMonths: integer("minimum_months").notNull(),
    /** Notice to terminate this item alone, in months. */
    terminationNoticeMonths: integer("termination_notice_months").notNull(),
    /**
     * Notice before scheduled maintenance, in calendar days (DSN art. 14). Null: this version states
     * none; no notice rule is then applied, and said so (DSN-SUP-07, issue 14).
     */
    maintenanceNoticeDays: integer("maintenance_notice_days"),
    /** Notice before a change of these conditions takes effect, in months (DSN 10.2); null: not defined here. */
    changeNoticeMonths: integer("change_notice_months"),
    /** Demo values loaded with the demo data, shown as such: never a real provider's. */
    demo: boolean("demo").notNull().default(false),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("specific_conditions_item_from_key").on(t.catalogueItemId, t.effectiveFrom),
    check(
      "specific_conditions_values_ck",
      sql`${t.monthlyPriceCents} >= 0 and ${t.minimumMonths} >= 0 and ${t.terminationNoticeMonths} >= 0 and ${t.maintenanceNoticeDays} >= 0`,
    ),
  ],
);

export type CustomerDetails = typeof customerDetails.$inferSelect;
export type SpecificConditionsRow = typeof specificConditions.$inferSelect;
