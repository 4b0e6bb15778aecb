import { type Db, subscriptions } from "@guichet/db";
import type { Contract } from "@guichet/domain";
import { and, eq, gte, isNull, lte, or, type SQL, type SQLWrapper } from "drizzle-orm";
import { subscriptionsInForce, supportSubscriptionAmong } from "../subscriptions/in-force.js";

/** The subscriptions an organisation holds on a date (local date, inclusive at both ends). */
export function heldOn(organisationId: string | SQLWrapper, onDate: string | SQLWrapper): SQL | undefined {
  return and(
    eq(subscriptions.organisationId, organisationId),
    lte(subscriptions.startsOn, onDate),
    or(isNull(subscriptions.endsOn), gte(subscriptions.endsOn, onDate)),
  );
}

/**
 * The support plan and tenancy a customer holds on a date: those of its support subscription's
 * period in force that day (issue 16), or the contract's default plan (MCR Basic, included by
 * default — MCR-SUP-01), single-tenant.
 */
export async function supportOf(
  db: Db,
  contract: Contract,
  organisationId: string,
  onDate: string,
): Promise<{ plan: string; tenancy: "single" | "multi" }> {
  const held = await subscriptionsInForce(db, contract, organisationId, onDate);
  const support = supportSubscriptionAmong(contract, held);
  return { plan: support?.plan ?? contract.defaultSupportPlan, tenancy: support?.tenancy ?? "single" };
}

/** The support plan a customer holds on a date (supportOf's plan). */
export async function supportPlanOf(
  db: Db,
  contract: Contract,
  organisationId: string,
  onDate: string,
): Promise<string> {
  return (await supportOf(db, contract, organisationId, onDate)).plan;
}

/**
 * The plan among the items a customer holds on a date (the desk's intake facts): the plan in
 * force of the latest support-plan item, else the default.
 */
export function planAmong(
  contract: Contract,
  held: readonly { item: string; startsOn: string; plan?: string | null }[],
): string {
  const planItems = new Map(
    contract.catalogue.items
      .filter((item) => item.kind === "support-plan" && item.plan)
      .map((item) => [item.id, item.plan]),
  );
  const plans = held
    .filter((h) => planItems.has(h.item))
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
    .map((h) => h.plan ?? (planItems.get(h.item) as string));
  return plans[0] ?? contract.defaultSupportPlan;
}
