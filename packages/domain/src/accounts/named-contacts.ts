/**
 * Named-contact limit of a support plan (MCR-SUP-04): Standard 2, Business 5, Premium unlimited;
 * multi-tenant support lifts the limit for Business and Premium.
 */
export type ContactLimit = number | "unlimited";

export interface NamedContactDecision {
  allowed: boolean;
  limit: ContactLimit;
  current: number;
  clause: "MCR-SUP-04";
}

export function canAddNamedContact(limit: ContactLimit, current: number): NamedContactDecision {
  return { allowed: limit === "unlimited" || current < limit, limit, current, clause: "MCR-SUP-04" };
}
