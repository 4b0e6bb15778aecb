import type { Principal } from "../auth/principal.js";
import { isCustomerAdminOf, isProviderStaff } from "./common.js";

/** The audit trail is searched by the provider's security officer (DSN-SEC-01). */
export const auditPolicy = {
  search: (p: Principal) => isProviderStaff(p, "security_officer"),
  /**
   * One organisation's hash chain with its anchors, to verify offline: the provider's security
   * officer for any organisation, a customer's administrator (its security contact, DSN-SEC-04)
   * for its own.
   */
  exportChain: (p: Principal, organisationId: string) =>
    isProviderStaff(p, "security_officer") || isCustomerAdminOf(p, organisationId),
  viewOutbox: (p: Principal) => isProviderStaff(p, "admin", "security_officer"),
} as const;
