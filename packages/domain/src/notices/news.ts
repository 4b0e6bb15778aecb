import { orDeploymentRule } from "../contract/rules.js";
import type { Contract } from "../contract/schema.js";

/**
 * News published on the deployment's news page (issue 18: DSN-POR-01, MCR 8.2.4). Pure: whether a
 * publication is accepted, under which clause, and who receives its mail.
 */
export const NEWS_CATEGORY_KINDS = ["commercial", "technical", "availability", "incident"] as const;
export type NewsCategory = (typeof NEWS_CATEGORY_KINDS)[number];

/** Who is mailed: an incident goes to the contract's people (MCR 8.2.4); other news stays in the portal. */
export type NewsMailTo = "named-contacts" | "administrators" | null;

export type NewsDecision =
  | { ok: true; clause: string; mailTo: NewsMailTo }
  | {
      ok: false;
      reason: "no-recipient" | "availability-needs-date" | "date-only-for-availability";
      clause: string;
    };

/** The news page's clause and the incidents' rule, the contract's or the deployment's own (GEN-02). */
export function newsRuleOf(contract: Contract): {
  clause: string;
  incidents: { to: "named-contacts" | "administrators"; clause: string };
} {
  const clause = orDeploymentRule(contract.news?.clause);
  return {
    clause,
    incidents: contract.news?.incidents ?? { to: "administrators", clause },
  };
}

/**
 * A news item is published when it reaches someone: targeted at a service nobody holds, it is
 * refused (nothing half-published). An availability item says its date (DSN art. 1 "La date de
 * disponibilité de ce service sera notifiée"); another kind carries none. An incident the provider
 * detected is mailed to the people the contract names (MCR 8.2.4: the named contacts).
 */
export function decideNews(
  contract: Contract,
  input: { category: NewsCategory; availableOn: string | null; recipients: number },
): NewsDecision {
  const rule = newsRuleOf(contract);
  const clause = input.category === "incident" ? rule.incidents.clause : rule.clause;
  if (input.category === "availability" && input.availableOn === null)
    return { ok: false, reason: "availability-needs-date", clause };
  if (input.category !== "availability" && input.availableOn !== null)
    return { ok: false, reason: "date-only-for-availability", clause };
  if (input.recipients === 0) return { ok: false, reason: "no-recipient", clause };
  return { ok: true, clause, mailTo: input.category === "incident" ? rule.incidents.to : null };
}
