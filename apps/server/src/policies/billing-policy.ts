import type { Principal } from "../auth/principal.js";
import { configuresTenant, hasRole, inTenant, isProviderStaff } from "./common.js";

/** The provider's people who run billing. */
const billingStaff = (p: Principal) => isProviderStaff(p, "admin", "billing");

/**
 * Billing (MCR-BIL-01, MCR-BIL-04). Cost files are the provider's to import; accounts that match
 * no customer are the provider's to see. A customer's costs are seen by its administrators and
 * billing readers, and by the provider's billing staff and account managers.
 */
export const billingPolicy = {
  importCosts: billingStaff,
  /** The month's invoice run and credit notes: issuing is the provider's billing staff's. */
  issueInvoices: billingStaff,
  viewUnmatchedAccounts: (p: Principal) => isProviderStaff(p, "admin", "billing", "account_manager"),
  viewCosts: (p: Principal, organisationId: string) =>
    isProviderStaff(p, "admin", "billing", "account_manager") ||
    (inTenant(p, organisationId) && hasRole(p, "customer_admin", "billing_reader")) ||
    configuresTenant(p, organisationId),
  /** Budgets and their alerts (MCR 6.1.2): the customer's administrators, and the agent they invited (MCR-ACC-05). */
  manageBudgets: (p: Principal, organisationId: string) => configuresTenant(p, organisationId),
} as const;
