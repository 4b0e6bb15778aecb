import type { CivilDate } from "../commitments/civil-date.js";
import type { Term } from "../contract/duration.js";
import type { Contract } from "../contract/schema.js";
import type { SpecificConditions } from "../customers/specific-conditions.js";
import {
  type ChangeDecision,
  type ChangeRecipient,
  type ChangeRule,
  changeRuleOf,
  combineDirections,
  earliestEffectiveDate,
  type PriceDirection,
  priceDirection,
} from "./change-notice.js";

/**
 * A new version of an e-service's specific conditions replacing one in force (DSN 10.2, DSN-BIL-01,
 * DSN-BIL-02). Its "Prix" annex follows the price notice (1 month down, 3 months up, in writing);
 * any other term follows the notice the conditions in force define, by e-mail. Pure.
 */
export type ConditionsTerms = Pick<
  SpecificConditions,
  | "monthlyPriceCents"
  | "minimumMonths"
  | "terminationNoticeMonths"
  | "maintenanceNoticeDays"
  | "changeNoticeMonths"
  | "documentTitle"
  | "documentVersion"
>;

/** What a new version moves: the price's direction, the other terms' direction (null: that part is the same). */
export interface ConditionsMove {
  price: PriceDirection | null;
  terms: PriceDirection | null;
}

const worse = (before: number, after: number, longerIsWorse: boolean): PriceDirection => {
  if (before === after) return "unchanged";
  return after > before === longerIsWorse ? "increase" : "decrease";
};

/**
 * The direction of each part, "increase" meaning worse for the operator (the harm DSN 10.2 speaks
 * of): a longer minimum commitment or termination notice, a shorter maintenance or change notice.
 * A new document with the same values is a change of terms that harms no one ("unchanged").
 */
export function conditionsMove(before: ConditionsTerms, after: ConditionsTerms): ConditionsMove {
  const price =
    before.monthlyPriceCents === after.monthlyPriceCents
      ? null
      : priceDirection({ monthlyCents: before.monthlyPriceCents }, { monthlyCents: after.monthlyPriceCents });
  const moves = [
    worse(before.minimumMonths, after.minimumMonths, true),
    worse(before.terminationNoticeMonths, after.terminationNoticeMonths, true),
    // None stated applies no notice (DSN-SUP-07, issue 14): as short as a notice gets.
    worse(before.maintenanceNoticeDays ?? 0, after.maintenanceNoticeDays ?? 0, false),
    worse(before.changeNoticeMonths ?? 0, after.changeNoticeMonths ?? 0, false),
  ];
  const documentMoved =
    before.documentTitle !== after.documentTitle || before.documentVersion !== after.documentVersion;
  const terms = moves.some((m) => m !== "unchanged") || documentMoved ? combineDirections(moves) : null;
  return { price, terms };
}

/** The notice the conditions in force define for their own change (DSN 10.2); undefined: they define none. */
export function definedChangeNotice(
  conditions: Pick<SpecificConditions, "changeNoticeMonths">,
): Term | undefined {
  const months = conditions.changeNoticeMonths;
  if (months === null || months === undefined) return undefined;
  if (months === 0) return { kind: "none" };
  return { kind: "duration", amount: months, unit: "months", text: `${months} months` };
}

/**
 * A new version whose only change is to define the notice of the conditions' own change, where the
 * version in force defines none (DSN 10.2 "délai de préavis tel que défini dans les Conditions
 * Spécifiques"). Reading (contracts/deux-sevres-eservices.yaml, notices.specificConditionsChange):
 * such a version is the step DSN 10.2 presupposes and harms no one, so it is notified by e-mail and
 * applies from its effective date without a notice to compute; any other change of terms waits
 * until a notice is defined, and is refused with what the provider must set.
 */
export function onlyDefinesChangeNotice(before: ConditionsTerms, after: ConditionsTerms): boolean {
  return (
    (before.changeNoticeMonths === null || before.changeNoticeMonths === undefined) &&
    after.changeNoticeMonths !== null &&
    after.changeNoticeMonths !== undefined &&
    before.monthlyPriceCents === after.monthlyPriceCents &&
    before.minimumMonths === after.minimumMonths &&
    before.terminationNoticeMonths === after.terminationNoticeMonths &&
    (before.maintenanceNoticeDays ?? null) === (after.maintenanceNoticeDays ?? null)
  );
}

/** One operator holding the e-service from the announcement to the effective date. */
export interface ConditionsCandidate {
  organisationId: string;
}

type Part = { rule: ChangeRule; earliest: CivilDate; direction: PriceDirection };

/**
 * Decides a new version of specific conditions for the operators holding the e-service: each is a
 * recipient under the price rule (its direction) and the specific conditions' rule (the notice the
 * conditions in force define); its earliest date is the later of the two, its channels both, and
 * a harmful part opens the right to terminate without penalty (DSN 10.2). An effective date before
 * the latest earliest date is refused with the clause that binds it.
 */
export function decideConditionsChange(
  contract: Contract,
  input: {
    today: CivilDate;
    effectiveFrom: CivilDate;
    move: ConditionsMove;
    definedPeriod: Term | undefined;
    candidates: readonly ConditionsCandidate[];
  },
): ChangeDecision {
  const { today, effectiveFrom, move } = input;
  const parts: Part[] = [];
  if (move.price !== null && move.price !== "unchanged") {
    const rule = changeRuleOf(contract, "price", move.price);
    if (!rule) return { ok: false, reason: "not-in-contract", kind: "price" };
    const earliest = earliestEffectiveDate(rule, today);
    if (earliest === undefined) return { ok: false, reason: "notice-set-elsewhere", clause: rule.clause };
    parts.push({ rule, earliest, direction: move.price });
  }
  if (move.terms !== null) {
    const found = changeRuleOf(contract, "specific-conditions", move.terms);
    if (!found) return { ok: false, reason: "not-in-contract", kind: "specific-conditions" };
    const period = found.period.kind === "elsewhere" ? input.definedPeriod : found.period;
    if (!period) return { ok: false, reason: "notice-set-elsewhere", clause: found.clause };
    const rule = { ...found, period };
    const earliest = earliestEffectiveDate(rule, today);
    if (earliest === undefined) return { ok: false, reason: "notice-set-elsewhere", clause: rule.clause };
    parts.push({ rule, earliest, direction: move.terms });
  }
  const binding = parts.reduce<Part | undefined>(
    (b, p) => (!b || p.earliest > b.earliest ? p : b),
    undefined,
  );
  const clause = changeRuleOf(contract, "specific-conditions")?.clause ?? "GEN-01";
  if (!binding || input.candidates.length === 0) return { ok: false, reason: "no-affected-customer", clause };
  const direction = combineDirections(parts.map((p) => p.direction));
  if (effectiveFrom < binding.earliest)
    return {
      ok: false,
      reason: "inside-notice",
      clause: binding.rule.clause,
      earliest: binding.earliest,
      direction: binding.direction,
    };
  const channels = [...new Set(parts.flatMap((p) => p.rule.channels))];
  const recipients: ChangeRecipient[] = input.candidates.map((c) => ({
    organisationId: c.organisationId,
    direction,
    clause: binding.rule.clause,
    channels,
    earliest: binding.earliest,
    signature: false,
    harmfulTermination: parts.some((p) => p.rule.harmfulTermination),
  }));
  return { ok: true, earliest: binding.earliest, clause: binding.rule.clause, recipients };
}
