import type { SupportPlan } from "../contract/schema-support.js";
import type { CivilDate } from "./civil-date.js";
import type { CommitmentDecision } from "./decision.js";

/** A plan change on record: to `plan`, from `previous`, taking effect on `effective`. */
export interface RecordedPlanChange {
  plan: string;
  previous: string;
  effective: CivilDate;
}

export interface PlanChangeCancellation {
  plans: Readonly<Record<string, SupportPlan>>;
  /** The plan in force today: its commitment's clause decides (MCR-SUP-02). */
  planInForce: string;
  /** Its commitment's end, which a cancelled change leaves as it was. */
  commitmentEnd: CivilDate | null;
  /** The latest plan change recorded (pending or already in force); null: none was ever asked. */
  change: RecordedPlanChange | null;
  today: CivilDate;
}

/**
 * Whether a plan change asked for may be withdrawn (issue 16, MCR-SUP-02, MCR 8.2.1): a change
 * takes effect on the first day of the next calendar month, so until that day nothing has moved
 * and the customer (or staff for it) may cancel it; the plan in force and its commitment then go
 * on as before. From its effective date the change is the plan in force: it can no longer be
 * cancelled, only followed by another change under MCR-SUP-02's rules (an upgrade during the
 * commitment, a downgrade once it ends).
 */
export function decidePlanChangeCancellation(input: PlanChangeCancellation): CommitmentDecision {
  const { change, today } = input;
  const clause = input.plans[input.planInForce]?.commitment.clause ?? "MCR-SUP-02";
  const base = { clause, commitmentEnd: input.commitmentEnd, feesDueCents: null };
  if (change === null)
    return { ...base, decision: "refused", effectiveDate: null, reason: { code: "plan-change-cancel-none" } };
  if (change.effective <= today)
    return {
      ...base,
      decision: "refused",
      effectiveDate: change.effective,
      reason: { code: "plan-change-cancel-effective", plan: change.plan, effective: change.effective, today },
    };
  return {
    ...base,
    decision: "accepted",
    effectiveDate: change.effective,
    reason: {
      code: "plan-change-cancelled",
      plan: change.plan,
      restored: change.previous,
      effective: change.effective,
    },
  };
}
