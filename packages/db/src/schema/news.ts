import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { organisations } from "./organisations.js";

export const NEWS_CATEGORIES = ["commercial", "technical", "availability", "incident"] as const;

/**
 * A news item the provider publishes on the deployment's news page (DSN-POR-01: "informations
 * commerciales ou techniques", the availability dates of the portal and the e-services; MCR 8.2.4:
 * an incident the provider detected, mailed to the named contacts). Targeted at every customer or
 * at those holding a service; the customers it reached are its recipients (news_recipients),
 * written with it in one transaction. Provider data every tenant reads (migration 0035).
 */
export const newsItems = pgTable(
  "news_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    category: text("category", { enum: NEWS_CATEGORIES }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** null: every customer; else the catalogue item whose holders it is for. */
    catalogueItemId: text("catalogue_item_id"),
    /** "availability": the date the portal or the e-service becomes available (DSN art. 1). */
    availableOn: date("available_on", { mode: "string" }),
    /** The clause it was published under (GEN-02). */
    clause: text("clause").notNull(),
    /** The same key again returns this item: a double click publishes once. */
    idempotencyKey: text("idempotency_key").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("news_items_idempotency_key").on(t.idempotencyKey),
    index("news_items_published_idx").on(t.publishedAt),
  ],
);

/** A customer a news item reached, with the e-mails it sent there (the customer's, migration 0035). */
export const newsRecipients = pgTable(
  "news_recipients",
  {
    newsId: uuid("news_id")
      .notNull()
      .references(() => newsItems.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    mailed: integer("mailed").notNull(),
    madeAvailableAt: timestamp("made_available_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.newsId, t.organisationId] }),
    index("news_recipients_organisation_idx").on(t.organisationId, t.madeAvailableAt),
  ],
);

/** A read receipt: who read a news item, when (the first reading is kept; staff see them). */
export const newsReads = pgTable(
  "news_reads",
  {
    newsId: uuid("news_id")
      .notNull()
      .references(() => newsItems.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.newsId, t.userId] })],
);

/**
 * A version of the deployment's contract file (GEN-01): recorded when a start finds a file whose
 * text differs from the last version's, with what changed in its terms (each key's path, before and
 * after, worded at reading) and when it took effect. Decisions keep the version in force when they
 * were made (contract_version_id on tickets, their events, subscription periods, orders and
 * invoices, defaulted by guichet_contract_version(), migration 0035). Every tenant reads it.
 */
export const contractVersions = pgTable(
  "contract_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: text("contract_id").notNull(),
    /** The file's own `version` and `edition`. */
    version: text("version").notNull(),
    edition: text("edition"),
    sha256: text("sha256").notNull(),
    /** The file as parsed from YAML (its terms as written), the base of the next version's diff. */
    document: jsonb("document").notNull(),
    /** [{ path, change: added|removed|changed, before?, after? }] against the previous version; [] for the first. */
    changes: jsonb("changes").notNull(),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("contract_versions_effective_idx").on(t.effectiveAt)],
);

export type NewsItem = typeof newsItems.$inferSelect;
export type ContractVersion = typeof contractVersions.$inferSelect;
