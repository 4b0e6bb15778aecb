import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** The provider itself and each of its customers (MCR customers, DSN operators). */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["provider", "customer"] }).notNull(),
    /** Short stable handle used in URLs and demo data, e.g. "acme-industrie". */
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** Legal identifier (SIREN/SIRET) when known. */
    registrationNumber: text("registration_number"),
    status: text("status", { enum: ["active", "suspended"] })
      .notNull()
      .default("active"),
    /**
     * The security incident a suspension was made for (DSN-SEC-02, annex 2 §4), while suspended;
     * the foreign key to security_incidents is in migration 0033 (the tables import each other).
     */
    suspensionIncidentId: uuid("suspension_incident_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_slug_key").on(t.slug),
    // There is exactly one provider per deployment.
    uniqueIndex("organisations_single_provider").on(t.kind).where(sql`${t.kind} = 'provider'`),
  ],
);

/**
 * A customer holds a catalogue item (a cloud, an e-service, its support plan, an option)
 * from a start date, until an end date if terminated. `catalogueItemId` is an id from the
 * contract file's catalogue; the contract is the source of truth for what it means.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    catalogueItemId: text("catalogue_item_id").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    /** The first day invoiced: the order form's reception (DSN-ORD-03); null: from the start. */
    invoicingFrom: date("invoicing_from", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("subscriptions_organisation_idx").on(t.organisationId),
    check("subscriptions_period_ck", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type Subscription = typeof subscriptions.$inferSelect;
export type NewSubscription = typeof subscriptions.$inferInsert;
