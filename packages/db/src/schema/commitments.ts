import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { organisations, subscriptions } from "./organisations.js";

/**
 * A subscription's history (issue 16): each row says what is in force from `effectiveFrom` on —
 * support plan, tenancy, monthly price, the commitment's end, status — until a later row's date.
 * Rows are only ever appended (a trigger refuses UPDATE and DELETE, migration 0015): a change,
 * a change to come, or the cancelling of one is a new row, so "what was in force on day d, as
 * known at instant t" can always be answered. Of two rows with the same date, the one recorded
 * last (`seq`) wins. `subscriptions.ends_on` is kept as the projection of a terminating row, for the
 * readers that only ask what is held.
 */
export const subscriptionPeriods = pgTable(
  "subscription_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Order of recording: of two rows with the same date, the higher wins (same transaction included). */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** A civil date in the provider's zone (Europe/Paris). */
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    /** The support plan (contract supportPlans key) of a support-plan subscription; null otherwise. */
    plan: text("plan"),
    /** Single- or multi-tenant support (MCR 8.2.1 table, MCR-SUP-04); null where it does not apply. */
    tenancy: text("tenancy", { enum: ["single", "multi"] }),
    /** Monthly price in cents, from the specific conditions in force at activation; null: not priced here. */
    monthlyPriceCents: integer("monthly_price_cents"),
    /** Minimum period in months from the activation (specific conditions, DSN art. 4.2). */
    minimumMonths: integer("minimum_months"),
    /** Termination notice in months (specific conditions, DSN art. 9). */
    noticeMonths: integer("notice_months"),
    /** The first day free of the commitment (MCR-SUP-02: 6 months from a paid plan's effective date). */
    commitmentEnd: date("commitment_end", { mode: "string" }),
    status: text("status", { enum: ["active", "suspended", "terminated"] }).notNull(),
    /** Why this row was appended: started, plan-change, plan-change-cancelled, suspended, resumed, terminated. */
    cause: text("cause").notNull(),
    /** The clause that decided it (MCR-SUP-02, DSN-ORD-04, MCR-ACC-06…). */
    clause: text("clause").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "restrict" }),
    /** The contract file's version in force when this was decided (GEN-01); set by the database's default. */
    contractVersionId: uuid("contract_version_id"),
  },
  (t) => [
    index("subscription_periods_subscription_idx").on(t.subscriptionId, t.effectiveFrom, t.seq),
    index("subscription_periods_organisation_idx").on(t.organisationId),
    check(
      "subscription_periods_price_ck",
      sql`${t.monthlyPriceCents} is null or ${t.monthlyPriceCents} >= 0`,
    ),
    check(
      "subscription_periods_months_ck",
      sql`coalesce(${t.minimumMonths}, 0) >= 0 and coalesce(${t.noticeMonths}, 0) >= 0`,
    ),
  ],
);

/**
 * A termination recorded by the provider (DSN art. 9, MCR 5.4, MCR 5.1): of the whole contract or
 * of one subscription, from a registered letter's reception (DSN) or a vendor's refusal (MCR-ACC-06),
 * with the effective date and the fees due the domain computed, and the decision's explanation data.
 */
export const terminations = pgTable(
  "terminations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    scope: text("scope", { enum: ["contract", "service", "vendor"] }).notNull(),
    /** The subscription ended, for a service or vendor termination. */
    subscriptionId: uuid("subscription_id").references(() => subscriptions.id, { onDelete: "restrict" }),
    noticeReceived: date("notice_received", { mode: "string" }).notNull(),
    effectiveDate: date("effective_date", { mode: "string" }).notNull(),
    /** Null where the contract computes none (MCR: vendor commitments remain due, MCR-ORD-02). */
    feesDueCents: integer("fees_due_cents"),
    clause: text("clause").notNull(),
    /** The domain's reason (CommitmentReason), to explain it again in any language. */
    reason: jsonb("reason").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [index("terminations_organisation_idx").on(t.organisationId)],
);

/**
 * What staff must do after a termination (MCR 5.4.1, MCR-ORD-02: notify the cloud vendor), as a
 * recorded task, done once by a named person.
 */
export const staffTasks = pgTable(
  "staff_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    terminationId: uuid("termination_id").references(() => terminations.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: ["notify-vendor"] }).notNull(),
    /** The catalogue item (the vendor's cloud) the task is about. */
    catalogueItemId: text("catalogue_item_id"),
    clause: text("clause").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by").references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [index("staff_tasks_open_idx").on(t.createdAt).where(sql`${t.doneAt} is null`)],
);

/** A customer's request to transfer its cloud accounts (MCR 5.4.2, MCR-ORD-03), answered with a quote. */
export const accountTransferRequests = pgTable(
  "account_transfer_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** To itself or a named third party. */
    recipient: text("recipient").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "restrict" }),
    quoteCents: integer("quote_cents"),
    quoteText: text("quote_text"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: uuid("answered_by").references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    index("account_transfer_requests_organisation_idx").on(t.organisationId),
    check("account_transfer_requests_quote_ck", sql`${t.quoteCents} is null or ${t.quoteCents} >= 0`),
  ],
);

export type SubscriptionPeriod = typeof subscriptionPeriods.$inferSelect;
export type NewSubscriptionPeriod = typeof subscriptionPeriods.$inferInsert;
export type Termination = typeof terminations.$inferSelect;
