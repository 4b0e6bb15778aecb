import { type Db, orders } from "@guichet/db";
import { type Contract, orDeploymentRule } from "@guichet/domain";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { subscriptionsInForce, supportSubscriptionAmong } from "../subscriptions/in-force.js";

/**
 * The support plan a customer already has for a new cloud account's order (MCR 8.2.1): the plan
 * in force today, else the plan of an order still waiting for the provider's acceptance. A
 * customer holds one plan at a time, so a later order keeps it; choosing another is a plan change
 * (MCR-SUP-02), never an order's side effect silently dropped.
 */
export async function supportPlanHeld(
  db: Db,
  contract: Contract,
  organisationId: string,
  today: string,
): Promise<string | null> {
  const held = supportSubscriptionAmong(
    contract,
    await subscriptionsInForce(db, contract, organisationId, today),
  );
  if (held?.plan) return held.plan;
  const [waiting] = await db
    .select({ plan: orders.supportPlan })
    .from(orders)
    .where(
      and(
        eq(orders.organisationId, organisationId),
        eq(orders.status, "submitted"),
        isNotNull(orders.supportPlan),
      ),
    )
    .orderBy(desc(orders.orderedAt))
    .limit(1);
  return waiting?.plan ?? null;
}

/** The clause a plan change cites (MCR-SUP-02 in MCR's file); the deployment's rule where none. */
export function planChangeClause(contract: Contract, plan: string): string {
  return orDeploymentRule(contract.supportPlans[plan]?.commitment?.clause);
}
