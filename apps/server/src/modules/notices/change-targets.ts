import { type Db, organisations, priceRevisions, subscriptions } from "@guichet/db";
import {
  type ChangeCandidate,
  type ChangeKind,
  type Contract,
  combineDirections,
  heldDuring,
  type PriceDirection,
  type PriceTerms,
  priceDirection,
} from "@guichet/domain";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import { readConditionsInForce, usesSpecificConditions } from "../catalogue/specific-conditions.js";
import { supportPlanOf } from "../organisations/support-plan-of.js";

/** A price a change moves, as the announcement gives it (amounts in euros, a percentage as text). */
export interface PriceInput {
  priceKey: string;
  /** Support fee: the new percentage ("8.5"). */
  percent?: string;
  /** Support fee: the new monthly minimum in euros ("79.00"); null: none. */
  monthlyMinimum?: string | null;
  /** An e-service: the new monthly price in euros, excluding VAT. */
  monthlyPrice?: string;
}

/** One price moved by a change: what it was on the effective date and what it becomes (stored as given). */
export interface PriceMove {
  priceKey: string;
  /** support: a contract price of a support plan (MCR-BIL-02); e-service: its specific conditions (DSN art. 6). */
  target: "support" | "e-service";
  label: string;
  before: PriceTerms;
  after: PriceTerms;
}

export type TargetRefusal =
  | { reason: "price_not_revisable"; priceKey: string }
  | { reason: "no_conditions"; priceKey: string }
  | { reason: "price_needs_value"; priceKey: string };

/** "79.00" → 7900 cents; the route's schema has already checked the form. */
export function centsOfEuros(text: string): number {
  const [units, decimals = ""] = text.split(".");
  return Number(units) * 100 + Number(decimals.padEnd(2, "0"));
}

function basisPointsOf(percent: string): number {
  const [units, decimals = ""] = percent.split(".");
  return Number(units) * 100 + Number(decimals.padEnd(2, "0"));
}

/** A support price's terms in force on a date: the latest revision, else the contract file's. */
async function supportTermsOn(
  db: Db,
  contract: Contract,
  priceKey: string,
  onDate: string,
): Promise<PriceTerms> {
  const [revision] = await db
    .select()
    .from(priceRevisions)
    .where(and(eq(priceRevisions.priceKey, priceKey), lte(priceRevisions.effectiveFrom, onDate)))
    .orderBy(desc(priceRevisions.effectiveFrom))
    .limit(1);
  if (revision)
    return {
      basisPoints: revision.percent === null ? undefined : basisPointsOf(revision.percent),
      minimumCents:
        revision.monthlyMinimum === null ? null : centsOfEuros(revision.monthlyMinimum.split(" ")[0] ?? "0"),
    };
  const price = contract.prices[priceKey];
  if (price?.kind !== "percent-of-invoice") return {};
  return { basisPoints: price.percent.basisPoints, minimumCents: price.monthlyMinimum?.cents ?? null };
}

/**
 * What each price of a change was on its effective date and becomes: a support plan's fee
 * (percent-of-invoice, MCR-BIL-02, MCR-BIL-05) or an e-service's price in its specific conditions
 * (DSN art. 6, DSN-BIL-01). Any other price is not revised here.
 */
export async function resolvePriceMoves(
  db: Db,
  contract: Contract,
  inputs: readonly PriceInput[],
  effectiveFrom: string,
): Promise<{ ok: true; moves: PriceMove[] } | ({ ok: false } & TargetRefusal)> {
  const moves: PriceMove[] = [];
  for (const input of inputs) {
    const { priceKey } = input;
    const price = contract.prices[priceKey];
    if (price?.kind === "percent-of-invoice") {
      if (input.percent === undefined && input.monthlyMinimum === undefined)
        return { ok: false, reason: "price_needs_value", priceKey };
      const before = await supportTermsOn(db, contract, priceKey, effectiveFrom);
      const plan = Object.values(contract.supportPlans).find((p) => p.fee === priceKey);
      moves.push({
        priceKey,
        target: "support",
        label: plan?.name.fr ?? priceKey,
        before,
        after: {
          basisPoints: input.percent === undefined ? before.basisPoints : basisPointsOf(input.percent),
          minimumCents:
            input.monthlyMinimum === undefined
              ? before.minimumCents
              : input.monthlyMinimum === null
                ? null
                : centsOfEuros(input.monthlyMinimum),
        },
      });
      continue;
    }
    const item = contract.catalogue.items.find((i) => i.id === priceKey);
    if (item?.kind !== "e-service" || !usesSpecificConditions(contract, priceKey))
      return { ok: false, reason: "price_not_revisable", priceKey };
    if (input.monthlyPrice === undefined) return { ok: false, reason: "price_needs_value", priceKey };
    const conditions = await readConditionsInForce(db, priceKey, effectiveFrom);
    if (!conditions) return { ok: false, reason: "no_conditions", priceKey };
    moves.push({
      priceKey,
      target: "e-service",
      label: item.name.fr,
      before: { monthlyCents: conditions.monthlyPriceCents },
      after: { monthlyCents: centsOfEuros(input.monthlyPrice) },
    });
  }
  return { ok: true, moves };
}

/** A customer a change concerns, with the prices that move for it. */
export interface Candidate extends ChangeCandidate {
  name: string;
  priceKeys: string[];
}

/**
 * The customers a change concerns, from the announcement's day to its effective date: for a price,
 * those holding it (a support plan whose fee it is, on either day; an e-service held on some day
 * between), each with its direction over what it holds ("a mixed change is an increase for
 * someone"); for a change of terms, every customer holding a service in that time.
 */
export async function candidatesOf(
  db: Db,
  contract: Contract,
  kind: ChangeKind,
  moves: readonly PriceMove[],
  today: string,
  effectiveFrom: string,
): Promise<Candidate[]> {
  const customers = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, "customer"))
    .orderBy(asc(organisations.name));
  const held = await db
    .select({
      organisationId: subscriptions.organisationId,
      catalogueItemId: subscriptions.catalogueItemId,
      startsOn: subscriptions.startsOn,
      endsOn: subscriptions.endsOn,
    })
    .from(subscriptions);
  const during = held.filter((s) => heldDuring(s, today, effectiveFrom));
  const candidates: Candidate[] = [];
  for (const customer of customers) {
    const own = during.filter((s) => s.organisationId === customer.id);
    if (kind !== "price") {
      if (own.length > 0)
        candidates.push({
          organisationId: customer.id,
          name: customer.name,
          direction: "unchanged",
          priceKeys: [],
        });
      continue;
    }
    const heldKeys = new Set(own.map((s) => s.catalogueItemId));
    if (moves.some((m) => m.target === "support")) {
      for (const day of [today, effectiveFrom]) {
        const fee = contract.supportPlans[await supportPlanOf(db, contract, customer.id, day)]?.fee;
        if (fee) heldKeys.add(fee);
      }
    }
    const mine = moves.filter((m) => heldKeys.has(m.priceKey));
    const directions: PriceDirection[] = mine.map((m) => priceDirection(m.before, m.after));
    const direction = combineDirections(directions);
    if (direction === "unchanged") continue;
    candidates.push({
      organisationId: customer.id,
      name: customer.name,
      direction,
      priceKeys: mine.filter((_, i) => directions[i] !== "unchanged").map((m) => m.priceKey),
    });
  }
  return candidates;
}
