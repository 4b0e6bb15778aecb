import type { Order } from "@guichet/db";
import { orders } from "@guichet/db";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import type { AuditActor } from "../audit/record-audit.js";
import { readConditionsInForce } from "../catalogue/specific-conditions.js";
import { startSubscription } from "../subscriptions/start-subscription.js";

/**
 * Starts what an order subscribes to, through the subscriptions' own use case: the item, from the
 * date given, with the specific conditions in force that day (DSN-ORD-02: the minimum period runs
 * from activation) and invoiced from the order form's reception (DSN-ORD-03); for an MCR order, its
 * support plan too when the customer holds none yet (MCR-SUP-01; a customer that holds one changes
 * it by a plan change, MCR-SUP-02). Links the order to its subscription and answers its id.
 */
export async function startOrdered(
  context: AppContext,
  actor: AuditActor,
  order: Order,
  startsOn: string,
  clause: string,
  now: Date,
): Promise<string> {
  const { db } = context.database;
  const conditions = await readConditionsInForce(db, order.catalogueItemId, startsOn);
  const started = await startSubscription(
    db,
    context.contract,
    actor,
    {
      organisationId: order.organisationId,
      catalogueItemId: order.catalogueItemId,
      startsOn,
      tenancy: order.tenancy ?? null,
      monthlyPriceCents: conditions?.monthlyPriceCents ?? null,
      minimumMonths: conditions?.minimumMonths ?? null,
      noticeMonths: conditions?.terminationNoticeMonths ?? null,
      invoicingFrom: order.invoicingFrom,
      clause,
    },
    now,
  );
  if (!started.ok) throw new Error(`subscription of ${order.reference} not started: ${started.reason}`);
  await db.update(orders).set({ subscriptionId: started.subscriptionId }).where(eq(orders.id, order.id));
  const planItem = order.supportPlan
    ? context.contract.catalogue.items.find((i) => i.kind === "support-plan" && i.plan === order.supportPlan)
    : undefined;
  if (planItem) {
    // Refused with support_plan_held when the customer already has a plan: it keeps it.
    await startSubscription(
      db,
      context.contract,
      actor,
      {
        organisationId: order.organisationId,
        catalogueItemId: planItem.id,
        startsOn,
        tenancy: order.tenancy ?? null,
        clause,
      },
      now,
    );
  }
  return started.subscriptionId;
}
