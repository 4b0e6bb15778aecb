import { budgets, type Db } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/** Removes a customer's budget and its alerts' record (MCR 6.1.2), audited; false when it has none of that id. */
export async function deleteBudget(
  db: Db,
  organisationId: string,
  budgetId: string,
  actor: AuditActor,
  now: Date,
): Promise<boolean> {
  const [removed] = await db
    .delete(budgets)
    .where(and(eq(budgets.id, budgetId), eq(budgets.organisationId, organisationId)))
    .returning();
  if (!removed) return false;
  await recordAudit(
    db,
    actor,
    {
      action: "billing.budget_deleted",
      organisationId,
      targetType: "budget",
      targetId: budgetId,
      data: { vendor: removed.vendor, amountCents: removed.amountCents },
    },
    now,
  );
  return true;
}
