/**
 * Roles of people, by the kind of organisation they belong to. A person holds one or more.
 * Rights follow from roles through the policies (apps/server/src/policies); the contract may
 * restrict further (named-contact limits, MCR-SUP-04).
 */
export const PROVIDER_ROLES = [
  "admin",
  "support_agent",
  "account_manager",
  "billing",
  "security_officer",
] as const;
export const CUSTOMER_ROLES = ["customer_admin", "named_contact", "user", "billing_reader"] as const;

export type ProviderRole = (typeof PROVIDER_ROLES)[number];
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];
export type Role = ProviderRole | CustomerRole;

export type OrganisationKind = "provider" | "customer";

export function rolesFor(kind: OrganisationKind): readonly Role[] {
  return kind === "provider" ? PROVIDER_ROLES : CUSTOMER_ROLES;
}

/** True when every role belongs to the organisation kind (a customer cannot be made provider admin). */
export function rolesFitOrganisation(roles: readonly string[], kind: OrganisationKind): boolean {
  const allowed: readonly string[] = rolesFor(kind);
  return roles.every((role) => allowed.includes(role));
}
