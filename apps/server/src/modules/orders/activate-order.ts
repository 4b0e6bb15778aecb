import { orders } from "@guichet/db";
import { lastSignature, localDateIn, orDeploymentRule } from "@guichet/domain";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { moveOrder } from "./move-order.js";
import type { OrderRefusal } from "./order-refusal.js";
import { startOrdered } from "./start-ordered.js";

/**
 * The provider signs a received order form and sets the e-service's activation date (DSN art. 4,
 * DSN-ORD-02): the contract takes effect at the last signature, the minimum period runs from the
 * activation date, which cannot precede the reception of the order form. The subscription starts
 * on that date with the specific conditions then in force.
 */
export async function activateOrder(
  context: AppContext,
  actor: AuditActor,
  input: { orderId: string; activationOn: string },
  now: Date,
): Promise<{ ok: true; contractEffectiveAt: Date } | ({ ok: false } & OrderRefusal)> {
  const { db } = context.database;
  const [order] = await db.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order) return { ok: false, reason: "not_found" };
  if (order.vendorTermsUrl !== null) return { ok: false, reason: "not_an_order_form" };
  const clause = orDeploymentRule(context.contract.commitments.serviceStart?.clause);
  if (order.status === "received" && order.invoicingFrom && input.activationOn < order.invoicingFrom) {
    return { ok: false, reason: "activation_before_reception", received: order.invoicingFrom, clause };
  }
  const contractEffectiveAt = lastSignature(order.signedAt, now) ?? now;
  const moved = await moveOrder(db, order.id, ["received"], {
    status: "activated",
    providerSignedAt: now,
    contractEffectiveAt,
    activationOn: input.activationOn,
    decidedByUserId: actor.userId,
    decidedAt: now,
  });
  if (!moved.ok) return moved;
  await startOrdered(context, actor, moved.order, input.activationOn, clause, now);
  await recordAudit(
    db,
    actor,
    {
      action: "order.activate",
      organisationId: order.organisationId,
      targetType: "order",
      targetId: order.id,
      data: {
        reference: order.reference,
        activationOn: input.activationOn,
        contractEffectiveAt: contractEffectiveAt.toISOString(),
        today: localDateIn(now, timeZoneOf(context.contract)),
        clause,
      },
    },
    now,
  );
  return { ok: true, contractEffectiveAt };
}
