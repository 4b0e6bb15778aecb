import type { Principal } from "../auth/principal.js";
import { inTenant, isCustomerAdminOf, isProviderStaff } from "./common.js";

/** The provider's people who run the commercial relationship. */
const commercialStaff = (p: Principal) => isProviderStaff(p, "admin", "account_manager");

/**
 * A customer's subscriptions, plan changes and terminations (issue 16: MCR-SUP-02, DSN-ORD-04,
 * MCR-ORD-02, MCR-ORD-03, MCR-ACC-06). One function per action; each route calls one.
 */
export const commitmentPolicy = {
  /** The plan in force, the change to come, the terminations: the customer's people and provider staff. */
  view: (p: Principal, organisationId: string) =>
    inTenant(p, organisationId) ||
    isProviderStaff(p, "admin", "account_manager", "security_officer", "support_agent", "billing"),
  /** Staff tasks are the provider's own work. */
  viewTasks: (p: Principal) =>
    isProviderStaff(p, "admin", "account_manager", "security_officer", "support_agent", "billing"),
  /** A plan change: the customer's administrator (MCR 8.2.1 "le client peut modifier sa Commande"), or staff for it. */
  changePlan: (p: Principal, organisationId: string) =>
    isCustomerAdminOf(p, organisationId) || commercialStaff(p),
  /** Recording a termination received by registered letter (DSN art. 9) or notified (MCR 5.4.1). */
  terminate: commercialStaff,
  /** The letter the operator sends: its administrator, or staff preparing it for it. */
  letter: (p: Principal, organisationId: string) =>
    isCustomerAdminOf(p, organisationId) || commercialStaff(p),
  /** A vendor's suspension or refusal (MCR 5.1, MCR-ACC-06): as any access suspension, the security officer too. */
  vendorStatus: (p: Principal) => isProviderStaff(p, "admin", "account_manager", "security_officer"),
  requestTransfer: (p: Principal, organisationId: string) => isCustomerAdminOf(p, organisationId),
  quoteTransfer: commercialStaff,
  completeTask: commercialStaff,
} as const;
