import type { Term } from "../contract/duration.js";
import type { SupportPlan } from "../contract/schema-support.js";
import {
  addDays,
  addMonths,
  type CivilDate,
  firstDayOfMonthOnOrAfter,
  firstDayOfNextMonth,
} from "./civil-date.js";
import type { CommitmentDecision } from "./decision.js";

/** One period of a support-plan history: the plan in force from `effective` (a civil date). */
export interface PlanPeriod {
  plan: string;
  effective: CivilDate;
}

export interface PlanChangeRequest {
  /** The contract's supportPlans: ranks, commitments and change rules come from there. */
  plans: Readonly<Record<string, SupportPlan>>;
  /** Oldest first; the last entry is the plan in force (or a change to come, if after `today`). */
  history: readonly PlanPeriod[];
  to: string;
  /** The provider's date when the change is asked for (localDateIn(at, Europe/Paris)). */
  today: CivilDate;
}

/** The end of a commitment of `term` starting on `from`, or null when the plan has none. */
export function commitmentEndOf(term: Term, from: CivilDate): CivilDate | null | "elsewhere" {
  if (term.kind === "none") return null;
  if (term.kind === "elsewhere") return "elsewhere";
  switch (term.unit) {
    case "months":
      return addMonths(from, term.amount);
    case "years":
      return addMonths(from, term.amount * 12);
    case "weeks":
      return addDays(from, term.amount * 7);
    case "days":
      return addDays(from, term.amount);
    default:
      // Minutes and hours do not make a commitment of dates; a contract writing one is read as none.
      return null;
  }
}

/** When a change asked for on `today` takes effect under the plan's rule (MCR-SUP-02). */
function changeDate(rule: SupportPlan["commitment"]["effective"], today: CivilDate): CivilDate {
  // MCR-SUP-02 (MCR 8.2.1 "prennent effet en début de mois calendaire"). Interpretation in the
  // contract: the first day of the month after the request, even when asked for on the 1st.
  return rule === "first-day-of-next-month" ? firstDayOfNextMonth(today) : today;
}

/** The earliest date on or after `date` a change can take effect under the plan's rule. */
function changeDateOnOrAfter(rule: SupportPlan["commitment"]["effective"], date: CivilDate): CivilDate {
  return rule === "first-day-of-next-month" ? firstDayOfMonthOnOrAfter(date) : date;
}

/**
 * Whether a support plan may change, and when (MCR-SUP-02, MCR 8.2.1). A plan with a minimum
 * commitment commits from its effective date; during it a plan whose rule is "up-only" may only
 * move to a higher rank, which starts the new plan's own commitment from the change's date; any
 * change takes effect on the date the current plan's rule gives (MCR: the first day of the next
 * calendar month, Europe/Paris). A downgrade is accepted when it would take effect on or after the
 * commitment's end, and otherwise refused with the earliest date it could.
 */
export function decidePlanChange(request: PlanChangeRequest): CommitmentDecision {
  const { plans, history, to, today } = request;
  const last = history.at(-1);
  if (!last) throw new RangeError("a plan history has at least the plan in force");
  const from = plans[last.plan];
  if (!from) throw new RangeError(`unknown plan in the history: ${last.plan}`);
  const clause = from.commitment.clause;
  const refused = (reason: CommitmentDecision["reason"], effectiveDate: CivilDate | null = null) =>
    ({
      decision: "refused",
      clause,
      effectiveDate,
      commitmentEnd: null,
      feesDueCents: null,
      reason,
    }) as const;

  if (last.effective > today)
    return refused({ code: "plan-change-pending", pendingPlan: last.plan, pendingFrom: last.effective });
  // Own plans only: a name such as "valueOf" or "__proto__" is an unknown plan, not a property.
  const target = Object.hasOwn(plans, to) ? plans[to] : undefined;
  if (!target) return refused({ code: "plan-change-unknown-plan", plan: to });
  if (to === last.plan) return refused({ code: "plan-change-same-plan", plan: to });

  const currentEnd = commitmentEndOf(from.commitment.minimum, last.effective);
  if (currentEnd === "elsewhere")
    return refused({ code: "plan-change-commitment-elsewhere", plan: last.plan });
  const effectiveDate = changeDate(from.commitment.effective, today);
  const inCommitment = currentEnd !== null && effectiveDate < currentEnd;
  const direction = target.rank > from.rank ? "up" : target.rank < from.rank ? "down" : "across";

  if (inCommitment && from.commitment.changesDuringCommitment === "up-only" && direction !== "up") {
    return {
      ...refused(
        { code: "plan-change-downgrade-in-commitment", from: last.plan, to, commitmentEnd: currentEnd },
        changeDateOnOrAfter(from.commitment.effective, currentEnd),
      ),
      commitmentEnd: currentEnd,
    };
  }
  const newEnd = commitmentEndOf(target.commitment.minimum, effectiveDate);
  if (newEnd === "elsewhere") return refused({ code: "plan-change-commitment-elsewhere", plan: to });
  return {
    decision: "accepted",
    clause,
    effectiveDate,
    commitmentEnd: newEnd,
    feesDueCents: null,
    reason: { code: "plan-change-accepted", from: last.plan, to, direction, inCommitment },
  };
}
