import type { Principal } from "../auth/principal.js";
import { inTenant, isCustomerAdminOf, isProviderStaff } from "./common.js";

/** The provider's people who set prices and terms: administrators and account managers. */
const commercialStaff = (p: Principal) => isProviderStaff(p, "admin", "account_manager");

/**
 * Changes with notice (issue 18: MCR-BIL-05, DSN-BIL-01, DSN-BIL-02) and each customer's notices.
 * A customer's people read their organisation's notices; its administrator signs a new version and
 * exercises the right to terminate on a harmful change, as she orders and terminates.
 */
export const noticePolicy = {
  announce: commercialStaff,
  /** Every change with its recipients, their readings and signatures. */
  viewChanges: (p: Principal) =>
    isProviderStaff(p, "admin", "account_manager", "billing", "security_officer"),
  /** A customer's notices: its people, and staff (who see all through viewChanges). */
  viewNotices: (p: Principal, organisationId: string) => inTenant(p, organisationId),
  read: (p: Principal, organisationId: string) => inTenant(p, organisationId) && !p.acting,
  /** The signature of a new version by both parties (DSN 10.1): the customer's administrator. */
  sign: (p: Principal, organisationId: string) => isCustomerAdminOf(p, organisationId),
  terminate: (p: Principal, organisationId: string) => isCustomerAdminOf(p, organisationId),
} as const;
