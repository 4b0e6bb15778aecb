import type { PlanPeriod } from "@guichet/domain";
import type { SubscriptionInForce } from "./in-force.js";

/**
 * A support subscription's periods as the plan history the domain decides on: one entry each
 * time the plan changes, the last being the plan in force or the change to come (MCR-SUP-02).
 */
export function planHistoryOf(periods: readonly SubscriptionInForce[]): PlanPeriod[] {
  const history: PlanPeriod[] = [];
  // Of periods of one date the last recorded wins (a cancelled change leaves no trace in the plans).
  const winners = new Map<string, SubscriptionInForce>();
  for (const period of periods) winners.set(period.effectiveFrom, period);
  for (const period of winners.values()) {
    if (period.plan === null || period.status === "terminated") continue;
    if (history.at(-1)?.plan === period.plan) continue;
    history.push({ plan: period.plan, effective: period.effectiveFrom });
  }
  return history;
}
