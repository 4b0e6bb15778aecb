import type { Principal } from "../auth/principal.js";
import { inTenant, isProviderStaff } from "./common.js";

/**
 * Who may do what with customers and the provider's commercial data (issue 16). One function per
 * action; each route calls exactly one of them before doing anything.
 */
export const customerPolicy = {
  /** Creating customers, one by one or by CSV import: the provider's administrators and account managers. */
  create: (p: Principal) => isProviderStaff(p, "admin", "account_manager"),
  list: (p: Principal) => isProviderStaff(p, "admin", "account_manager", "billing", "security_officer"),
  /** A customer's details: its own people, and provider staff. */
  view: (p: Principal, organisationId: string) =>
    inTenant(p, organisationId) ||
    isProviderStaff(p, "admin", "account_manager", "billing", "security_officer"),
  /** Specific conditions are read by everyone signed in (they are each customer's prices and notices). */
  readConditions: (_p: Principal) => true,
  /** Recording a new version of specific conditions. */
  recordConditions: (p: Principal) => isProviderStaff(p, "admin", "account_manager"),
} as const;
