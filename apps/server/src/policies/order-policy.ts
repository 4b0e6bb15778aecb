import type { Principal } from "../auth/principal.js";
import { configuresTenant, hasRole, inTenant, isProviderStaff } from "./common.js";

/**
 * Who may do what with orders, wholesale contracts, quotas and documents (issue 16). Ordering and
 * signing are the customer's administrators' (the persons with the right: DSN art. 1 "Personne
 * Habilitée", MCR 6.1), or provider staff ordering for the customer; deciding is provider staff's.
 */
export const orderPolicy = {
  view: (p: Principal, organisationId: string) =>
    inTenant(p, organisationId) || isProviderStaff(p, "admin", "account_manager", "billing", "support_agent"),
  listAll: (p: Principal) => isProviderStaff(p, "admin", "account_manager", "billing"),
  order: (p: Principal, organisationId: string) =>
    (inTenant(p, organisationId) && !p.acting && hasRole(p, "customer_admin")) ||
    isProviderStaff(p, "admin", "account_manager"),
  /** Signing an order form in the portal: a person of the operator with the right, never provider staff. */
  sign: (p: Principal, organisationId: string) =>
    inTenant(p, organisationId) && !p.acting && p.via === "session" && hasRole(p, "customer_admin"),
  decide: (p: Principal) => isProviderStaff(p, "admin", "account_manager"),
  recordWholesaleContract: (p: Principal) => isProviderStaff(p, "admin", "account_manager"),
  setQuota: (p: Principal) => isProviderStaff(p, "admin", "account_manager"),
  /** A quota is the tenant's configuration (MCR 9.1): the invited agent asks too (MCR-ACC-05). */
  requestQuota: (p: Principal, organisationId: string) => configuresTenant(p, organisationId),
} as const;
