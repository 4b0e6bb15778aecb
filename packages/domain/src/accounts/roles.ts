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

/**
 * The roles a machine credential (an API token or a client certificate, DSN-SEC-03) acts with at
 * this moment: those of its own that its owner still has now. Computed at every use rather than
 * cut when the owner's roles change, so no path that lowers a person (the Rights page, staff, a
 * revoked identifier's successor, a database fix) can leave a credential stronger than its owner;
 * raising the owner again gives back no more than the credential was made with.
 *
 * A customer's administrator has every right of a user, a named contact and a billing reader (the
 * policies grant `customer_admin` wherever they grant those roles), so it covers them: a token an
 * administrator made with `user` keeps `user` while the owner stays administrator.
 */
export function credentialRolesInForce(credential: readonly Role[], owner: readonly Role[]): Role[] {
  const ownerIsCustomerAdmin = owner.includes("customer_admin");
  return credential.filter(
    (role) =>
      owner.includes(role) ||
      (ownerIsCustomerAdmin &&
        (CUSTOMER_ROLES as readonly Role[]).includes(role) &&
        role !== "customer_admin"),
  );
}
