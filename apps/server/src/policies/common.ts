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

/**
 * The customer's administrator, or the provider's support agent it invited into this tenant, on
 * the tenant's configuration (MCR-ACC-05, MCR 8.4: "La personne du support du Prestataire invitée
 * par le Client aura temporairement les mêmes droits que le Client sur la configuration de son
 * tenant"). Reading (issue 14), policy by policy: the agent has the customer's rights where a
 * policy grants this — reading the tenant's people and rights, its costs, setting its budgets and
 * alerts, asking for a resource quota (MCR 9.1) — and not the customer's other acts, which stay
 * isCustomerAdminOf: people and rights, API tokens and support grants (they would outlast a
 * "temporary" access, and the customer removes the invitation), named contacts (who may call
 * support, MCR 8.2.4), orders, plan changes, signatures and terminations (the customer's contract).
 */
export function configuresTenant(principal: Principal, organisationId: string): boolean {
  return (
    isCustomerAdminOf(principal, organisationId) ||
    (principal.acting !== undefined && principal.acting.organisationId === organisationId)
  );
}
