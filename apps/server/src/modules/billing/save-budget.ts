import { budgets, type Db, users } from "@guichet/db";
import { centsToDecimal } from "@guichet/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { type BudgetCheck, checkBudgets } from "./check-budgets.js";

export interface BudgetInput {
  /** null: the whole account. */
  vendor: string | null;
  amountCents: number;
  thresholds: number[];
  recipientUserIds: string[];
}

export type SaveBudgetResult =
  | { ok: true; budgetId: string; created: boolean; check: BudgetCheck }
  | { ok: false; reason: "unknown_recipient"; userId: string };

/**
 * Sets a customer's monthly budget for a scope (MCR 6.1.2 "gestion budgétaire"): the whole account
 * or one vendor, one budget per scope, so saving it again replaces it (a double click changes
 * nothing more) and keeps the alerts already sent this month. The people warned must be the
 * customer's own, not revoked. Audited; then the current month is checked at once, so a budget
 * already exceeded warns now rather than at the next import.
 */
export async function saveBudget(
  context: Pick<AppContext, "contract" | "config">,
  db: Db,
  organisationId: string,
  input: BudgetInput,
  month: string,
  actor: AuditActor,
  now: Date,
): Promise<SaveBudgetResult> {
  const recipients = [...new Set(input.recipientUserIds)];
  const known = recipients.length
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            inArray(users.id, recipients),
            eq(users.organisationId, organisationId),
            inArray(users.status, ["invited", "active"]),
          ),
        )
    : [];
  const unknown = recipients.find((id) => !known.some((k) => k.id === id));
  if (unknown) return { ok: false, reason: "unknown_recipient", userId: unknown };
  const thresholds = [...new Set(input.thresholds)].sort((a, b) => a - b);
  const values = {
    amountCents: input.amountCents,
    thresholds,
    recipientUserIds: recipients,
    updatedAt: now,
  };
  const scope = and(
    eq(budgets.organisationId, organisationId),
    input.vendor === null ? isNull(budgets.vendor) : eq(budgets.vendor, input.vendor),
  );
  // One budget per scope (budgets_scope_uq): a concurrent save of the same scope becomes an update.
  const [created] = await db
    .insert(budgets)
    .values({ organisationId, vendor: input.vendor, ...values })
    .onConflictDoNothing()
    .returning({ id: budgets.id });
  const [updated] = created
    ? []
    : await db.update(budgets).set(values).where(scope).returning({ id: budgets.id });
  const budgetId = (created ?? updated)?.id as string;
  await recordAudit(
    db,
    actor,
    {
      action: "billing.budget_saved",
      organisationId,
      targetType: "budget",
      targetId: budgetId,
      data: {
        vendor: input.vendor,
        amount: centsToDecimal(BigInt(input.amountCents)),
        thresholds,
        recipientUserIds: recipients,
      },
    },
    now,
  );
  const check = await checkBudgets(context, db, organisationId, month, actor, now);
  return { ok: true, budgetId, created: Boolean(created), check };
}
