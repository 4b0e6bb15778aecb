import { orders } from "@guichet/db";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { moveOrder } from "./move-order.js";
import type { OrderRefusal } from "./order-refusal.js";
import { identifiersClause } from "./sweep-identifiers-due.js";

/** The provider refuses an order not yet accepted or activated, with its reason (audited). */
export async function refuseOrder(
  context: AppContext,
  actor: AuditActor,
  input: { orderId: string; reason: string },
  now: Date,
): Promise<{ ok: true } | ({ ok: false } & OrderRefusal)> {
  const { db } = context.database;
  const moved = await moveOrder(db, input.orderId, ["submitted", "awaiting_signature", "received"], {
    status: "refused",
    refusalReason: input.reason,
    decidedByUserId: actor.userId,
    decidedAt: now,
  });
  if (!moved.ok) return moved;
  await recordAudit(
    db,
    actor,
    {
      action: "order.refuse",
      organisationId: moved.order.organisationId,
      targetType: "order",
      targetId: input.orderId,
      data: { reference: moved.order.reference, reason: input.reason },
    },
    now,
  );
  return { ok: true };
}

/** The provider records that the identifiers of a received order were sent (DSN-ID-02), audited. */
export async function markIdentifiersSent(
  context: AppContext,
  actor: AuditActor,
  orderId: string,
  now: Date,
): Promise<{ ok: true } | ({ ok: false } & OrderRefusal)> {
  const { db } = context.database;
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return { ok: false, reason: "not_found" };
  if (!order.identifiersDueAt) return { ok: false, reason: "not_an_order_form" };
  if (order.identifiersSentAt) return { ok: true };
  await db.update(orders).set({ identifiersSentAt: now }).where(eq(orders.id, orderId));
  await recordAudit(
    db,
    actor,
    {
      action: "order.identifiers_sent",
      organisationId: order.organisationId,
      targetType: "order",
      targetId: orderId,
      data: {
        reference: order.reference,
        dueAt: order.identifiersDueAt.toISOString(),
        clause: identifiersClause(context.contract),
      },
    },
    now,
  );
  return { ok: true };
}
