import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations.js";

/**
 * A customer's monthly budgets (MCR 6.1.2 "gestion budgétaire (alertes)"): one for the whole
 * account (vendor null) and at most one per vendor, in euro cents excluding VAT, with the
 * percentages at which its people are warned and who they are (users of the organisation).
 */
export const budgets = pgTable(
  "budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Slug of the vendor as cost lines name it ("aws"); null: the whole account. */
    vendor: text("vendor"),
    amountCents: integer("amount_cents").notNull(),
    /** Percentages of the amount, ascending, e.g. {50,80,100}. */
    thresholds: integer("thresholds").array().notNull(),
    recipientUserIds: uuid("recipient_user_ids").array().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("budgets_scope_uq").on(t.organisationId, sql`coalesce(${t.vendor}, '')`),
    check("budgets_amount_ck", sql`${t.amountCents} > 0`),
  ],
);

/**
 * Each alert sent: once per budget, month, threshold and basis (the month to date, or its
 * forecast), which the unique index enforces even when two imports check at once.
 */
export const budgetAlerts = pgTable(
  "budget_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    budgetId: uuid("budget_id")
      .notNull()
      .references(() => budgets.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    month: text("month").notNull(),
    threshold: integer("threshold").notNull(),
    basis: text("basis", { enum: ["actual", "forecast"] }).notNull(),
    /** The amount that crossed it, EUR cents. */
    spentCents: integer("spent_cents").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("budget_alerts_once_uq").on(t.budgetId, t.month, t.threshold, t.basis),
    index("budget_alerts_organisation_idx").on(t.organisationId, t.month),
  ],
);

export type Budget = typeof budgets.$inferSelect;
export type BudgetAlert = typeof budgetAlerts.$inferSelect;
