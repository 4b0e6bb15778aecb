import { type Db, subscriptions } from "@guichet/db";
import type { Contract } from "@guichet/domain";
import { and, eq, gte, isNull, lte, or, type SQL, type SQLWrapper } from "drizzle-orm";

/** The subscriptions an organisation holds on a date (local date, inclusive at both ends). */
export function heldOn(organisationId: string | SQLWrapper, onDate: string | SQLWrapper): SQL | undefined {
  return and(
    eq(subscriptions.organisationId, organisationId),
    lte(subscriptions.startsOn, onDate),
    or(isNull(subscriptions.endsOn), gte(subscriptions.endsOn, onDate)),
  );
}

/**
 * The support plan a customer holds on a date: its subscribed support-plan item's plan, or the
 * contract's default plan (MCR Basic, included by default — MCR-SUP-01).
 */
export async function supportPlanOf(
  db: Db,
  contract: Contract,
  organisationId: string,
  onDate: string,
): Promise<string> {
  const held = await db
    .select({ item: subscriptions.catalogueItemId, startsOn: subscriptions.startsOn })
    .from(subscriptions)
    .where(heldOn(organisationId, onDate));
  return planAmong(contract, held);
}

/** The plan among the items a customer holds on a date: the latest support-plan item, else the default. */
export function planAmong(contract: Contract, held: readonly { item: string; startsOn: string }[]): string {
  const planItems = new Map(
    contract.catalogue.items
      .filter((item) => item.kind === "support-plan" && item.plan)
      .map((item) => [item.id, item.plan]),
  );
  const plans = held
    .filter((h) => planItems.has(h.item))
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
    .map((h) => planItems.get(h.item) as string);
  return plans[0] ?? contract.defaultSupportPlan;
}
