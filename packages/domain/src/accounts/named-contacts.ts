/**
 * Named-contact limit of a support plan (MCR-SUP-04): Standard 2, Business 5, Premium unlimited;
 * multi-tenant support lifts the limit for Business and Premium. The clause is the plan's own.
 */
export type ContactLimit = number | "unlimited";

export interface NamedContactDecision {
  allowed: boolean;
  limit: ContactLimit;
  current: number;
  clause: string;
}

export function canAddNamedContact(
  limit: ContactLimit,
  current: number,
  clause: string,
): NamedContactDecision {
  return { allowed: limit === "unlimited" || current < limit, limit, current, clause };
}

/**
 * A plan's named-contact limit for a tenancy (MCR 8.2.1 table, MCR-SUP-04): multi-tenant support
 * has its own column where the plan offers it; a plan offered single-tenant only keeps its limit.
 */
export function namedContactLimitOf(
  plan: { namedContacts?: { limit: ContactLimit; multiTenantLimit?: ContactLimit } } | undefined,
  tenancy: "single" | "multi",
): ContactLimit {
  const contacts = plan?.namedContacts;
  if (!contacts) return "unlimited";
  return tenancy === "multi" ? (contacts.multiTenantLimit ?? contacts.limit) : contacts.limit;
}
