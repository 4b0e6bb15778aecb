import type { Contract } from "../contract/index.js";
import { orDeploymentRule } from "../contract/rules.js";
import type { EscalationChannel, Priority, SlaMetricId } from "../sla/policy-schema.js";

/**
 * "Escalation required" (issue 23): the targets of a plan that run only once the customer
 * escalates the ticket by a stated channel. An escalation by that channel starts them; any other
 * is refused, citing the clause that says how to escalate.
 */
export type EscalationDecision =
  | { ok: true; clause: string; metrics: SlaMetricId[] }
  | { ok: false; reason: "escalation_not_required"; clause: string };

export function decideEscalation(
  contract: Contract,
  planKey: string,
  priority: Priority,
  channel: EscalationChannel,
): EscalationDecision {
  const sla = contract.supportPlans[planKey]?.sla;
  const conditions = (["initialResponse", "resolution"] as const).flatMap((metric) => {
    const escalation = sla?.[metric]?.targets[priority]?.escalation;
    return escalation ? [{ metric, ...escalation }] : [];
  });
  const matching = conditions.filter((condition) => condition.channel === channel);
  const first = matching[0];
  if (!first) {
    const clause = conditions[0]?.clause ?? sla?.initialResponse?.clause ?? sla?.resolution?.clause;
    return { ok: false, reason: "escalation_not_required", clause: orDeploymentRule(clause) };
  }
  return { ok: true, clause: first.clause, metrics: matching.map((condition) => condition.metric) };
}
