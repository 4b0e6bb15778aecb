import { type Db, subscriptionPeriods, subscriptions } from "@guichet/db";
import {
  type CommitmentDecision,
  type Contract,
  decidePlanChangeCancellation,
  localDateIn,
  type RecordedPlanChange,
} from "@guichet/domain";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import {
  CANCELLED_CHANGE,
  historyOf,
  periodsToCome,
  type SubscriptionInForce,
  subscriptionsInForce,
  supportSubscriptionAmong,
} from "./in-force.js";

/**
 * Withdraws the support plan change to come (issue 16, MCR-SUP-02), asked for by the customer (with
 * the right to change the plan) or by staff for it, before its effective date. History is never
 * rewritten: a period is appended on the change's date, recorded after it so it wins that date,
 * which carries on the plan in force (or, for a support subscription that was to start then, ends
 * it before it starts), and the audit trail says who withdrew what. From the effective date the
 * change is the plan in force: refused, naming that date (decidePlanChangeCancellation).
 */
export async function cancelPlanChange(
  tx: Db,
  contract: Contract,
  actor: AuditActor,
  organisationId: string,
  now: Date,
): Promise<CommitmentDecision> {
  const today = localDateIn(now, timeZoneOf(contract));
  // Serialised with plan changes of the same customer: both lock its support subscriptions.
  await tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(eq(subscriptions.organisationId, organisationId))
    .orderBy(subscriptions.id)
    .for("update");
  const support = supportSubscriptionAmong(
    contract,
    await subscriptionsInForce(tx, contract, organisationId, today),
  );
  const planInForce = support?.plan ?? contract.defaultSupportPlan;
  const pending = (await periodsToCome(tx, contract, organisationId, today)).find(
    (p) => p.plan !== null && p.status === "active",
  );
  const change: RecordedPlanChange | null = pending?.plan
    ? { plan: pending.plan, previous: planInForce, effective: pending.effectiveFrom }
    : await lastChangeInForce(tx, contract, support);
  const decision = decidePlanChangeCancellation({
    plans: contract.supportPlans,
    planInForce,
    commitmentEnd: support?.commitmentEnd && support.commitmentEnd > today ? support.commitmentEnd : null,
    change,
    today,
  });
  if (decision.decision !== "accepted" || !pending) return decision;

  // The same subscription going on as today, or (a change from the default plan) not starting at all.
  const goesOn = support?.subscriptionId === pending.subscriptionId ? support : undefined;
  await tx.insert(subscriptionPeriods).values({
    subscriptionId: pending.subscriptionId,
    organisationId,
    effectiveFrom: pending.effectiveFrom,
    plan: goesOn?.plan ?? pending.plan,
    tenancy: goesOn?.tenancy ?? pending.tenancy,
    monthlyPriceCents: goesOn?.monthlyPriceCents ?? null,
    minimumMonths: goesOn?.minimumMonths ?? null,
    noticeMonths: goesOn?.noticeMonths ?? null,
    commitmentEnd: goesOn ? goesOn.commitmentEnd : null,
    status: goesOn ? goesOn.status : "terminated",
    cause: CANCELLED_CHANGE,
    clause: decision.clause,
    recordedAt: now,
    recordedBy: actor.userId,
  });
  await recordAudit(
    tx,
    actor,
    {
      action: "subscription.plan_change_cancelled",
      organisationId,
      targetType: "subscription",
      targetId: pending.subscriptionId,
      data: {
        plan: pending.plan,
        restored: planInForce,
        effectiveDate: pending.effectiveFrom,
        clause: decision.clause,
      },
    },
    now,
  );
  return decision;
}

/** The last plan change already in force on the support subscription, to say since when (refusal). */
async function lastChangeInForce(
  tx: Db,
  contract: Contract,
  support: SubscriptionInForce | undefined,
): Promise<RecordedPlanChange | null> {
  if (!support) return null;
  const [last] = await tx
    .select({ effectiveFrom: subscriptionPeriods.effectiveFrom, plan: subscriptionPeriods.plan })
    .from(subscriptionPeriods)
    .where(
      and(
        eq(subscriptionPeriods.subscriptionId, support.subscriptionId),
        eq(subscriptionPeriods.cause, "plan-change"),
        isNotNull(subscriptionPeriods.plan),
      ),
    )
    .orderBy(desc(subscriptionPeriods.effectiveFrom), desc(subscriptionPeriods.seq))
    .limit(1);
  if (!last?.plan) return null;
  // Only if it is still the plan in force (not itself withdrawn, nor followed by another change).
  const history = await historyOf(tx, contract, support.subscriptionId);
  const winner = history.filter((p) => p.effectiveFrom === last.effectiveFrom).at(-1);
  if (winner?.cause !== "plan-change" || support.plan !== last.plan) return null;
  return { plan: last.plan, previous: last.plan, effective: last.effectiveFrom };
}
