import { type Db, subscriptionPeriods, subscriptions } from "@guichet/db";
import { addMonths, type Contract, commitmentEndOf } from "@guichet/domain";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { subscriptionsInForce, supportSubscriptionAmong } from "./in-force.js";

/**
 * What a subscription starts with. Price, minimum period and notice are the specific conditions
 * in force at activation (DSN art. 4.2, 6, 9), given by the caller (the order's activation reads
 * them from the provider's data); a support plan's commitment comes from the contract (MCR-SUP-02).
 */
export interface StartSubscriptionInput {
  organisationId: string;
  catalogueItemId: string;
  /** The activation date, a civil date in the provider's zone. */
  startsOn: string;
  /** A support-plan item's plan is the item's; give it only to check it. */
  plan?: string;
  tenancy?: "single" | "multi" | null;
  monthlyPriceCents?: number | null;
  minimumMonths?: number | null;
  noticeMonths?: number | null;
  /** The first day invoiced, when before the start: the order form's reception (DSN-ORD-03). */
  invoicingFrom?: string | null;
  /** The clause the subscription starts under (MCR-ACC-01 order acceptance, DSN-ORD-02 activation…). */
  clause: string;
}

export type StartSubscriptionResult =
  | { ok: true; subscriptionId: string; commitmentEnd: string | null }
  | { ok: false; reason: "unknown_item" | "plan_mismatch" | "support_plan_held" };

/**
 * Starts a subscription and the first period of its history, audited, in the caller's transaction
 * (issue 16). A customer holds one support plan at a time: changing it is `requestPlanChange`.
 */
export async function startSubscription(
  tx: Db,
  contract: Contract,
  actor: AuditActor,
  input: StartSubscriptionInput,
  now: Date,
): Promise<StartSubscriptionResult> {
  const item = contract.catalogue.items.find((i) => i.id === input.catalogueItemId);
  if (!item) return { ok: false, reason: "unknown_item" };
  const plan = item.kind === "support-plan" ? (item.plan ?? null) : null;
  if (input.plan !== undefined && input.plan !== plan) return { ok: false, reason: "plan_mismatch" };
  if (plan !== null) {
    const held = await subscriptionsInForce(tx, contract, input.organisationId, input.startsOn);
    if (supportSubscriptionAmong(contract, held)) return { ok: false, reason: "support_plan_held" };
  }
  const commitmentEnd = commitmentEndAt(contract, plan, input);
  const [created] = await tx
    .insert(subscriptions)
    .values({
      organisationId: input.organisationId,
      catalogueItemId: item.id,
      startsOn: input.startsOn,
      invoicingFrom: input.invoicingFrom ?? null,
    })
    .returning({ id: subscriptions.id });
  const subscriptionId = (created as { id: string }).id;
  await tx.insert(subscriptionPeriods).values({
    subscriptionId,
    organisationId: input.organisationId,
    effectiveFrom: input.startsOn,
    plan,
    tenancy: input.tenancy ?? null,
    monthlyPriceCents: input.monthlyPriceCents ?? null,
    minimumMonths: input.minimumMonths ?? null,
    noticeMonths: input.noticeMonths ?? null,
    commitmentEnd,
    status: "active",
    cause: "started",
    clause: input.clause,
    recordedAt: now,
    recordedBy: actor.userId,
  });
  await recordAudit(
    tx,
    actor,
    {
      action: "subscription.start",
      organisationId: input.organisationId,
      targetType: "subscription",
      targetId: subscriptionId,
      data: {
        catalogueItemId: item.id,
        startsOn: input.startsOn,
        plan,
        tenancy: input.tenancy ?? null,
        monthlyPriceCents: input.monthlyPriceCents ?? null,
        commitmentEnd,
        invoicingFrom: input.invoicingFrom ?? null,
        clause: input.clause,
      },
    },
    now,
  );
  return { ok: true, subscriptionId, commitmentEnd };
}

function commitmentEndAt(
  contract: Contract,
  plan: string | null,
  input: StartSubscriptionInput,
): string | null {
  if (plan !== null) {
    const minimum = contract.supportPlans[plan]?.commitment.minimum;
    const end = minimum ? commitmentEndOf(minimum, input.startsOn) : null;
    return end === "elsewhere" ? null : end;
  }
  return input.minimumMonths ? addMonths(input.startsOn, input.minimumMonths) : null;
}
