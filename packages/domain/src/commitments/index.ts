export { centsOf, decimalOf, divideHalfUp } from "./amount.js";
export {
  decidePlanChangeCancellation,
  type PlanChangeCancellation,
  type RecordedPlanChange,
} from "./cancel-plan-change.js";
export {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  firstDayOfMonthOnOrAfter,
  firstDayOfNextMonth,
  isCivilDate,
} from "./civil-date.js";
export type { CommitmentDecision, CommitmentReason, ServiceFees } from "./decision.js";
export { type CommitmentResult, evaluateCommitmentCases } from "./eval.js";
export {
  type CommitmentLocale,
  explainCommitment,
  formatCents,
  formatCivilDate,
  type PlanNameOf,
} from "./explain.js";
export { commitmentEndOf, decidePlanChange, type PlanChangeRequest, type PlanPeriod } from "./plan-change.js";
export { lastDayBefore, type ProratedMonth, type RemainingFees, remainingFees } from "./prorate.js";
export {
  decideContractTermination,
  decideServiceTermination,
  type ServiceTerms,
  type TerminationRules,
  terminationRulesOf,
} from "./termination.js";
