import { type Db, subscriptionPeriods, subscriptions, terminations } from "@guichet/db";
import { type Contract, localDateIn, orDeploymentRule } from "@guichet/domain";
import { eq } from "drizzle-orm";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { lastDayHeld, subscriptionsInForce } from "./in-force.js";

export type VendorAction = "suspend" | "resume" | "terminate";

/**
 * The clause of a vendor's refusal or suspension (MCR 5.1: MCR-ACC-06 in MCR's file), the
 * contract's access suspension; the deployment's own rule where the contract has none (GEN-02).
 */
export function vendorClause(contract: Contract): string {
  return orDeploymentRule(contract.security?.accessSuspension?.clause);
}

/**
 * A cloud vendor suspends access, gives it back, or refuses it (MCR 5.1, MCR-ACC-06): from today,
 * that vendor's subscription only is suspended, active again, or terminated ("résilié de plein
 * droit en ce qui concerne le Service de ce Fournisseur"); the customer's other services and
 * support plan go on. Each is a period appended to the subscription's history, audited.
 */
export async function setVendorStatus(
  tx: Db,
  contract: Contract,
  actor: AuditActor,
  input: { organisationId: string; subscriptionId: string; action: VendorAction; reason: string },
  now: Date,
): Promise<"changed" | "not_found" | "not_a_vendor" | "unchanged"> {
  const today = localDateIn(now, timeZoneOf(contract));
  await tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(eq(subscriptions.id, input.subscriptionId))
    .for("update");
  const held = (await subscriptionsInForce(tx, contract, input.organisationId, today)).find(
    (s) => s.subscriptionId === input.subscriptionId && s.status !== "terminated" && s.endsOn === null,
  );
  if (!held) return "not_found";
  if (contract.catalogue.items.find((i) => i.id === held.catalogueItemId)?.kind !== "cloud")
    return "not_a_vendor";
  const status =
    input.action === "suspend" ? "suspended" : input.action === "resume" ? "active" : "terminated";
  if (held.status === status) return "unchanged";
  await tx.insert(subscriptionPeriods).values({
    subscriptionId: held.subscriptionId,
    organisationId: input.organisationId,
    effectiveFrom: today,
    plan: held.plan,
    tenancy: held.tenancy,
    monthlyPriceCents: held.monthlyPriceCents,
    minimumMonths: held.minimumMonths,
    noticeMonths: held.noticeMonths,
    commitmentEnd: held.commitmentEnd,
    status,
    cause:
      input.action === "terminate"
        ? "vendor-refused"
        : input.action === "suspend"
          ? "vendor-suspended"
          : "vendor-resumed",
    clause: vendorClause(contract),
    recordedAt: now,
    recordedBy: actor.userId,
  });
  if (status === "terminated") {
    await tx
      .update(subscriptions)
      .set({ endsOn: lastDayHeld(today, held.startsOn) })
      .where(eq(subscriptions.id, held.subscriptionId));
    await tx.insert(terminations).values({
      organisationId: input.organisationId,
      scope: "vendor",
      subscriptionId: held.subscriptionId,
      noticeReceived: today,
      effectiveDate: today,
      feesDueCents: null,
      clause: vendorClause(contract),
      reason: { code: "vendor-refused", reason: input.reason },
      recordedAt: now,
      recordedBy: actor.userId,
    });
  }
  await recordAudit(
    tx,
    actor,
    {
      action: `subscription.vendor_${input.action}`,
      organisationId: input.organisationId,
      targetType: "subscription",
      targetId: held.subscriptionId,
      data: {
        catalogueItemId: held.catalogueItemId,
        reason: input.reason,
        effectiveFrom: today,
        clause: vendorClause(contract),
      },
    },
    now,
  );
  return "changed";
}
