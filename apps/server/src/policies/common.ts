import type { Role } from "@guichet/domain";
import { type Principal, tenantOf } from "../auth/principal.js";

/** Building blocks of the policies: each answers one question about the principal. */

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

/** Provider staff with one of the roles, signed in as themselves (not acting in a tenant). */
export function isProviderStaff(principal: Principal, ...roles: Role[]): boolean {
  return principal.organisationKind === "provider" && !principal.acting && hasRole(principal, ...roles);
}

/** The principal works in this organisation's tenant (its own, or under a support grant). */
export function inTenant(principal: Principal, organisationId: string): boolean {
  return tenantOf(principal) === organisationId;
}

export function isCustomerAdminOf(principal: Principal, organisationId: string): boolean {
  return inTenant(principal, organisationId) && !principal.acting && hasRole(principal, "customer_admin");
}
