import { addDays, addMonths, type CivilDate, firstDayOfMonthOnOrAfter } from "../commitments/civil-date.js";
import type { CommitmentDecision } from "../commitments/decision.js";
import type { Term } from "../contract/duration.js";
import type { Contract } from "../contract/schema.js";
import type { Notice } from "../contract/schema-terms.js";

/**
 * Changes the provider announces with notice (issue 18: MCR-BIL-05, DSN-BIL-01, DSN-BIL-02): the
 * earliest effective date the contract file's `notices` allow, per customer, and the refusal of an
 * earlier one naming its clause (GEN-02). Pure: "today" is the announcement's civil date.
 */
export const CHANGE_KINDS = [
  "price",
  "annex",
  "general-conditions",
  "security-annex",
  "specific-conditions",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type PriceDirection = "increase" | "decrease" | "unchanged";

/** The parts of a price a change may move; each absent part is left as it was. */
export interface PriceTerms {
  /** An e-service's monthly price (DSN specific conditions), cents. */
  monthlyCents?: number;
  /** A support fee's percentage, hundredths of a per cent (MCR-BIL-02). */
  basisPoints?: number;
  /** A support fee's monthly minimum, cents; null: none. */
  minimumCents?: number | null;
}

function partDirection(before: number | null | undefined, after: number | null | undefined): PriceDirection {
  if (after === undefined || (before ?? 0) === (after ?? 0)) return "unchanged";
  return (after ?? 0) > (before ?? 0) ? "increase" : "decrease";
}

/**
 * One price's direction: an increase when any part goes up, even if another goes down (a higher
 * percentage with a lower minimum costs some customers more: the longer notice protects them).
 */
export function priceDirection(before: PriceTerms, after: PriceTerms): PriceDirection {
  const moves = [
    partDirection(before.monthlyCents, after.monthlyCents),
    partDirection(before.basisPoints, after.basisPoints),
    partDirection(before.minimumCents, after.minimumCents),
  ];
  return combineDirections(moves);
}

/** A customer's direction over the prices it holds: an increase if one rises, else a decrease if one falls. */
export function combineDirections(moves: readonly PriceDirection[]): PriceDirection {
  if (moves.includes("increase")) return "increase";
  return moves.includes("decrease") ? "decrease" : "unchanged";
}

/** The rule of the contract a change follows for one customer (GEN-02: its clause and terms). */
export interface ChangeRule {
  clause: string;
  period: Term;
  channels: readonly string[];
  /** Takes effect only by a version signed by both parties (DSN 10.1). */
  signature: boolean;
  /** Prices revised monthly take effect on the 1st of a month (MCR-BIL-05 reading). */
  firstOfMonth: boolean;
  /** A change harmful to the customer lets it terminate without penalty (DSN 10.2). */
  harmfulTermination: boolean;
}

function ruleOf(notice: Notice, extra: Partial<ChangeRule> = {}): ChangeRule {
  return {
    clause: notice.clause,
    period: notice.period,
    channels: notice.channels ?? [],
    signature: notice.signature === "both-parties",
    firstOfMonth: false,
    harmfulTermination: false,
    ...extra,
  };
}

/** The contract's rule for a kind of change and a direction; undefined where the contract has none. */
export function changeRuleOf(
  contract: Contract,
  kind: ChangeKind,
  direction: PriceDirection = "increase",
): ChangeRule | undefined {
  const { notices } = contract;
  switch (kind) {
    case "price": {
      const notice = direction === "decrease" ? notices.priceDecrease : notices.priceIncrease;
      if (!notice) return undefined;
      const revision = notices.priceRevision;
      return ruleOf(notice, {
        firstOfMonth: revision?.atMostEvery.unit === "months",
        harmfulTermination:
          direction === "increase" &&
          notices.specificConditionsChange?.terminationRightOnHarmfulChange === true,
      });
    }
    case "annex":
      return notices.annexChange && ruleOf(notices.annexChange);
    case "general-conditions":
      return notices.generalConditionsChange && ruleOf(notices.generalConditionsChange);
    case "security-annex":
      return notices.securityAnnexChange && ruleOf(notices.securityAnnexChange);
    case "specific-conditions": {
      // DSN 10.2: by e-mail, with the notice the specific conditions define (decideChange's definedPeriod).
      const notice = notices.specificConditionsChange;
      return (
        notice &&
        ruleOf(notice, {
          harmfulTermination: direction === "increase" && notice.terminationRightOnHarmfulChange === true,
        })
      );
    }
  }
}

/** The earliest date a notice period allows from the announcement's day; undefined when another document sets it. */
export function earliestAfterNotice(period: Term, today: CivilDate): CivilDate | undefined {
  if (period.kind === "none") return today;
  if (period.kind === "elsewhere") return undefined;
  switch (period.unit) {
    case "years":
      return addMonths(today, period.amount * 12);
    case "months":
      // "De quantième à quantième" (CPC art. 641), as terminations count them (DSN-ORD-04).
      return addMonths(today, period.amount);
    case "weeks":
      return addDays(today, period.amount * 7);
    case "days":
      return addDays(today, period.amount);
    default:
      // Hours and minutes: a whole day at least, since effective dates are days.
      return addDays(today, Math.ceil((period.unit === "hours" ? period.amount : period.amount / 60) / 24));
  }
}

/** The earliest effective date of one rule from the announcement's day (undefined: not computable). */
export function earliestEffectiveDate(rule: ChangeRule, today: CivilDate): CivilDate | undefined {
  const earliest = earliestAfterNotice(rule.period, today);
  if (earliest === undefined) return undefined;
  return rule.firstOfMonth ? firstDayOfMonthOnOrAfter(earliest) : earliest;
}

/** A customer concerned, with its direction (prices) or "unchanged" for a change of terms. */
export interface ChangeCandidate {
  organisationId: string;
  direction: PriceDirection;
}

export interface ChangeRecipient extends ChangeCandidate {
  clause: string;
  channels: readonly string[];
  earliest: CivilDate;
  signature: boolean;
  harmfulTermination: boolean;
}

export type ChangeDecision =
  | { ok: true; earliest: CivilDate; clause: string; recipients: ChangeRecipient[] }
  | { ok: false; reason: "not-in-contract"; kind: ChangeKind }
  | { ok: false; reason: "no-affected-customer"; clause: string }
  | { ok: false; reason: "notice-set-elsewhere"; clause: string }
  | { ok: false; reason: "inside-notice"; clause: string; earliest: CivilDate; direction: PriceDirection }
  | { ok: false; reason: "not-first-of-month"; clause: string; earliest: CivilDate };

/**
 * Decides a change: each customer whose terms move (a price change it faces, or any change of
 * terms) is a recipient under the rule of its direction; the change's earliest date is the latest
 * of theirs, and an earlier effective date is refused with the clause that binds it. For prices
 * revised monthly (MCR-BIL-05 reading), the effective date must be the 1st of a month.
 */
export function decideChange(
  contract: Contract,
  input: {
    kind: ChangeKind;
    today: CivilDate;
    effectiveFrom: CivilDate;
    candidates: readonly ChangeCandidate[];
  },
): ChangeDecision {
  const { kind, today, effectiveFrom } = input;
  const affected =
    kind === "price" ? input.candidates.filter((c) => c.direction !== "unchanged") : input.candidates;
  const anyRule = changeRuleOf(contract, kind);
  if (!anyRule && kind !== "price") return { ok: false, reason: "not-in-contract", kind };
  const recipients: ChangeRecipient[] = [];
  let binding: { rule: ChangeRule; earliest: CivilDate; direction: PriceDirection } | undefined;
  for (const candidate of affected) {
    const rule = changeRuleOf(contract, kind, candidate.direction);
    if (!rule) return { ok: false, reason: "not-in-contract", kind };
    const earliest = earliestEffectiveDate(rule, today);
    if (earliest === undefined) return { ok: false, reason: "notice-set-elsewhere", clause: rule.clause };
    recipients.push({
      ...candidate,
      clause: rule.clause,
      channels: rule.channels,
      earliest,
      signature: rule.signature,
      harmfulTermination: rule.harmfulTermination,
    });
    if (!binding || earliest > binding.earliest) binding = { rule, earliest, direction: candidate.direction };
  }
  if (!binding) {
    const clause = anyRule?.clause ?? changeRuleOf(contract, kind, "decrease")?.clause ?? "GEN-01";
    return { ok: false, reason: "no-affected-customer", clause };
  }
  const { rule, earliest, direction } = binding;
  if (effectiveFrom < earliest)
    return { ok: false, reason: "inside-notice", clause: rule.clause, earliest, direction };
  if (rule.firstOfMonth && !effectiveFrom.endsWith("-01"))
    return { ok: false, reason: "not-first-of-month", clause: rule.clause, earliest };
  return { ok: true, earliest, clause: rule.clause, recipients };
}

/**
 * DSN 10.2 (DSN-BIL-02): an operator facing a harmful change may terminate the e-service concerned,
 * even within its minimum period, without penalty: the termination takes effect on the change's
 * effective date and nothing more is due. Offered from the notice until that date included
 * (the reading written in contracts/deux-sevres-eservices.yaml).
 */
export function decideHarmfulChangeTermination(
  clause: string,
  change: { title: string; effectiveFrom: CivilDate },
  today: CivilDate,
): CommitmentDecision {
  if (today > change.effectiveFrom)
    return {
      decision: "refused",
      clause,
      effectiveDate: null,
      commitmentEnd: null,
      feesDueCents: null,
      reason: {
        code: "termination-harmful-change-closed",
        changeTitle: change.title,
        changeEffective: change.effectiveFrom,
        today,
      },
    };
  return {
    decision: "accepted",
    clause,
    effectiveDate: change.effectiveFrom,
    commitmentEnd: null,
    feesDueCents: 0,
    reason: {
      code: "termination-harmful-change",
      changeTitle: change.title,
      changeEffective: change.effectiveFrom,
      requestedOn: today,
    },
  };
}
