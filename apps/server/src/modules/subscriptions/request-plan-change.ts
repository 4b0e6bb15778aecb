import { type Db, subscriptionPeriods, subscriptions } from "@guichet/db";
import { type CommitmentDecision, type Contract, decidePlanChange, localDateIn } from "@guichet/domain";
import { eq } from "drizzle-orm";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { historyOf, periodsToCome, subscriptionsInForce, supportSubscriptionAmong } from "./in-force.js";
import { planHistoryOf } from "./plan-history.js";
import { startSubscription } from "./start-subscription.js";

/**
 * A support plan change asked for by the customer or by staff for it (MCR-SUP-02, MCR 8.2.1),
 * decided by the domain on the plan history and today's date in the provider's zone. Accepted, it
 * is appended to the support subscription's history from its effective date (the first day of the
 * next calendar month), with the new commitment; a customer on the default plan without a support
 * subscription starts one. Refused, nothing is written and the decision says why and from when.
 */
export async function requestPlanChange(
  tx: Db,
  contract: Contract,
  actor: AuditActor,
  input: { organisationId: string; to: string },
  now: Date,
): Promise<CommitmentDecision> {
  const today = localDateIn(now, timeZoneOf(contract));
  const support = supportSubscriptionAmong(
    contract,
    await subscriptionsInForce(tx, contract, input.organisationId, today),
  );
  if (support) {
    // Two requests at once decide one after the other, each on the history the other left.
    await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(eq(subscriptions.id, support.subscriptionId))
      .for("update");
  }
  const periods = support ? await historyOf(tx, contract, support.subscriptionId) : [];
  if (!support) {
    // A support subscription starting later (a change from the default plan, to come) is the pending change.
    const coming = (await periodsToCome(tx, contract, input.organisationId, today)).find(
      (p) => p.plan !== null,
    );
    if (coming?.plan) {
      const pending = decidePlanChange({
        plans: contract.supportPlans,
        history: [{ plan: coming.plan, effective: coming.effectiveFrom }],
        to: input.to,
        today,
      });
      return pending;
    }
  }
  const history = support
    ? planHistoryOf(periods)
    : [{ plan: contract.defaultSupportPlan, effective: "0001-01-01" }];
  const decision = decidePlanChange({ plans: contract.supportPlans, history, to: input.to, today });
  if (decision.decision !== "accepted" || decision.effectiveDate === null) return decision;

  if (support) {
    const current = periods.at(-1);
    await tx.insert(subscriptionPeriods).values({
      subscriptionId: support.subscriptionId,
      organisationId: input.organisationId,
      effectiveFrom: decision.effectiveDate,
      plan: input.to,
      tenancy: current?.tenancy ?? null,
      monthlyPriceCents: current?.monthlyPriceCents ?? null,
      minimumMonths: current?.minimumMonths ?? null,
      noticeMonths: current?.noticeMonths ?? null,
      commitmentEnd: decision.commitmentEnd,
      status: "active",
      cause: "plan-change",
      clause: decision.clause,
      recordedAt: now,
      recordedBy: actor.userId,
    });
  } else {
    const item = contract.catalogue.items.find((i) => i.kind === "support-plan" && i.plan === input.to);
    if (!item)
      return {
        ...decision,
        decision: "refused",
        effectiveDate: null,
        reason: { code: "plan-change-unknown-plan", plan: input.to },
      };
    await startSubscription(
      tx,
      contract,
      actor,
      {
        organisationId: input.organisationId,
        catalogueItemId: item.id,
        startsOn: decision.effectiveDate,
        tenancy: "single",
        clause: decision.clause,
      },
      now,
    );
  }
  await recordAudit(
    tx,
    actor,
    {
      action: "subscription.plan_change",
      organisationId: input.organisationId,
      targetType: "subscription",
      targetId: support?.subscriptionId,
      data: {
        from: history.at(-1)?.plan,
        to: input.to,
        effectiveDate: decision.effectiveDate,
        commitmentEnd: decision.commitmentEnd,
        clause: decision.clause,
      },
    },
    now,
  );
  return decision;
}
