import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { bytea } from "./orders.js";
import { organisations } from "./organisations.js";

/**
 * A change the provider announced with notice (issue 18: MCR-BIL-05, DSN-BIL-01, DSN-BIL-02): a
 * price, an annex, a new version of the general conditions or of the security annex, with the
 * effective date the domain accepted (decideChange) and the earliest one it allowed. Written once
 * with every recipient's notice (change_notices) in one transaction. The provider's announcement:
 * every tenant reads it, only provider staff write it (migration 0029).
 */
export const contractChanges = pgTable(
  "contract_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", {
      enum: ["price", "annex", "general-conditions", "security-annex", "specific-conditions"],
    }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** The announcement's civil date (Europe/Paris): the notice runs from it. */
    announcedOn: date("announced_on", { mode: "string" }).notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    /** The earliest date the contract allowed on the announcement's day (GEN-02). */
    earliestAllowed: date("earliest_allowed", { mode: "string" }).notNull(),
    /** The clause that bound the date (the longest notice among the recipients). */
    clause: text("clause").notNull(),
    /** Price changes: [{ priceKey, label, before, after }] (PriceTerms); empty otherwise. */
    prices: jsonb("prices").notNull(),
    /** The same key again returns this change: a double click announces once. */
    idempotencyKey: text("idempotency_key").notNull(),
    announcedAt: timestamp("announced_at", { withTimezone: true }).notNull(),
    announcedBy: uuid("announced_by").references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("contract_changes_idempotency_key").on(t.idempotencyKey),
    index("contract_changes_effective_idx").on(t.effectiveFrom),
  ],
);

/**
 * One recipient's notice of a change (the per-recipient log): its direction (a price increase or
 * decrease for it), the clause and channels of its rule, the letter when the clause says "par
 * écrit" (a PDF with the instant it was made available), its reading and, where the change needs
 * one, its signature. The customer's (row-level security as migration 0003).
 */
export const changeNotices = pgTable(
  "change_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    changeId: uuid("change_id")
      .notNull()
      .references(() => contractChanges.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    direction: text("direction", { enum: ["increase", "decrease", "unchanged"] }).notNull(),
    clause: text("clause").notNull(),
    channels: text("channels").array().notNull(),
    earliestAllowed: date("earliest_allowed", { mode: "string" }).notNull(),
    signatureRequired: boolean("signature_required").notNull(),
    /** DSN 10.2: the customer may terminate the services concerned without penalty until the change's date. */
    harmfulTermination: boolean("harmful_termination").notNull(),
    /** The prices (a contract price key, or an e-service's catalogue item) that move for this customer. */
    priceKeys: text("price_keys").array().notNull(),
    letterPdf: bytea("letter_pdf"),
    letterSha256: text("letter_sha256"),
    /** When the notice (and its letter) was made available in the portal. */
    madeAvailableAt: timestamp("made_available_at", { withTimezone: true }).notNull(),
    /** How many e-mails announced it (0 where the clause names only the portal). */
    mailed: integer("mailed").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    readBy: uuid("read_by").references(() => users.id, { onDelete: "restrict" }),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedBy: uuid("signed_by").references(() => users.id, { onDelete: "restrict" }),
    /** Reminders mailed while the signature is awaited (DSN 10.1), and the last one's instant. */
    reminders: integer("reminders").notNull().default(0),
    lastRemindedAt: timestamp("last_reminded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("change_notices_change_organisation_key").on(t.changeId, t.organisationId),
    index("change_notices_organisation_idx").on(t.organisationId, t.madeAvailableAt),
    check("change_notices_letter_ck", sql`(${t.letterPdf} is null) = (${t.letterSha256} is null)`),
  ],
);

/**
 * A price of the contract file revised with notice (MCR-BIL-05: support percentages and
 * minimums), from its effective date on; the invoice of a month uses the revision in force on
 * the month's 1st (contractWithRevisedPrices). Provider data every tenant reads.
 */
export const priceRevisions = pgTable(
  "price_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    changeId: uuid("change_id")
      .notNull()
      .references(() => contractChanges.id, { onDelete: "restrict" }),
    /** The contract's `prices` key. */
    priceKey: text("price_key").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    /** The whole price after the revision. As the contract writes a percentage ("8.5"). */
    percent: text("percent"),
    /** As the contract writes money ("79 EUR"); null: no minimum. */
    monthlyMinimum: text("monthly_minimum"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("price_revisions_key_from_key").on(t.priceKey, t.effectiveFrom)],
);

export type ContractChange = typeof contractChanges.$inferSelect;
export type ChangeNotice = typeof changeNotices.$inferSelect;
export type PriceRevision = typeof priceRevisions.$inferSelect;
