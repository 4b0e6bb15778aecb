import { type Db, organisations, subscriptions } from "@guichet/db";
import {
  type Contract,
  conditionsMove,
  decideConditionsChange,
  definedChangeNotice,
  heldDuring,
  onlyDefinesChangeNotice,
  type SpecificConditions,
} from "@guichet/domain";
import { and, asc, eq } from "drizzle-orm";
import { readConditionsInForce } from "../catalogue/specific-conditions.js";
import type { Candidate, PriceMove } from "./change-targets.js";
import { type ChangeRefusal, changeRefusal, type PlannedChange, refusalOf } from "./plan-change.js";

export type NewConditions = Omit<SpecificConditions, "demo">;

/** First values of an e-service, or a new version nobody holds: recorded directly, no one to notify. */
export interface DirectConditions {
  ok: true;
  direct: true;
  inForce: SpecificConditions | null;
}

export const isDirect = (planned: object): planned is DirectConditions =>
  "direct" in planned && planned.direct === true;

/**
 * A new version of an e-service's specific conditions (issue 16, issue 18: DSN 10.2, DSN-BIL-01,
 * DSN-BIL-02). Replacing a version in force for operators holding the e-service between today and
 * its date, it goes through the notice (decideConditionsChange: the price notice for its "Prix"
 * annex, the notice the conditions in force define for the rest); first values, or a version no
 * one holds, are recorded directly. Writes nothing.
 */
export async function planConditionsChange(
  db: Db,
  contract: Contract,
  input: NewConditions,
  today: string,
): Promise<
  (PlannedChange & { direct?: false; inForce: SpecificConditions }) | DirectConditions | ChangeRefusal
> {
  const inForce = await readConditionsInForce(db, input.catalogueItemId, input.effectiveFrom);
  if (!inForce) return { ok: true, direct: true, inForce: null };
  const held = await db
    .select({
      organisationId: subscriptions.organisationId,
      name: organisations.name,
      startsOn: subscriptions.startsOn,
      endsOn: subscriptions.endsOn,
    })
    .from(subscriptions)
    .innerJoin(organisations, eq(organisations.id, subscriptions.organisationId))
    .where(and(eq(subscriptions.catalogueItemId, input.catalogueItemId), eq(organisations.kind, "customer")))
    .orderBy(asc(organisations.name));
  const holders = new Map<string, string>();
  for (const s of held) if (heldDuring(s, today, input.effectiveFrom)) holders.set(s.organisationId, s.name);
  const move = conditionsMove(inForce, input);
  if (holders.size === 0 || (move.price === null && move.terms === null))
    return { ok: true, direct: true, inForce };
  const decision = decideConditionsChange(contract, {
    today,
    effectiveFrom: input.effectiveFrom,
    move,
    // Defining the notice where none is defined applies without one (onlyDefinesChangeNotice's reading).
    definedPeriod: onlyDefinesChangeNotice(inForce, input) ? { kind: "none" } : definedChangeNotice(inForce),
    candidates: [...holders.keys()].map((organisationId) => ({ organisationId })),
  });
  if (!decision.ok) {
    // The conditions in force define no notice for their own change: say so rather than "elsewhere".
    if (decision.reason === "notice-set-elsewhere")
      return changeRefusal("notice.conditions_notice_undefined", decision.clause, {
        item: input.catalogueItemId,
      });
    return refusalOf(decision);
  }
  const item = contract.catalogue.items.find((i) => i.id === input.catalogueItemId);
  const moves: PriceMove[] =
    move.price === null
      ? []
      : [
          {
            priceKey: input.catalogueItemId,
            target: "e-service",
            label: item?.name.fr ?? input.catalogueItemId,
            before: { monthlyCents: inForce.monthlyPriceCents },
            after: { monthlyCents: input.monthlyPriceCents },
          },
        ];
  return {
    ok: true,
    inForce,
    earliest: decision.earliest,
    clause: decision.clause,
    moves,
    recipients: decision.recipients.map((r): Candidate & (typeof decision.recipients)[number] => ({
      ...r,
      name: holders.get(r.organisationId) ?? "",
      priceKeys: [input.catalogueItemId],
    })),
  };
}
