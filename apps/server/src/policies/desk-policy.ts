import type { Principal } from "../auth/principal.js";
import { hasRole, inTenant, isProviderStaff } from "./common.js";

/** The provider's people who work tickets. */
const deskStaff = (p: Principal) => isProviderStaff(p, "support_agent", "admin", "account_manager");

/**
 * Who may do what at the service desk (MCR-SUP-03, MCR-SUP-04, DSN-SUP-01). The contract's own
 * rules (named contacts, scope, channels) are decided after these, by decideIntake.
 */
export const deskPolicy = {
  /** Customers' people who deal with support; billing readers see invoices, not tickets. */
  open: (p: Principal) =>
    p.organisationKind === "customer" && !p.acting && hasRole(p, "customer_admin", "named_contact", "user"),
  view: (p: Principal, organisationId: string) =>
    (inTenant(p, organisationId) && hasRole(p, "customer_admin", "named_contact", "user")) || deskStaff(p),
  /** Replying, confirming, reopening: the customer's side of its own tickets. */
  takePart: (p: Principal, organisationId: string) =>
    (inTenant(p, organisationId) && hasRole(p, "customer_admin", "named_contact", "user")) || deskStaff(p),
  /** The queue, internal notes, status, priority, assignment, calls, outages. */
  work: (p: Principal) => deskStaff(p),
} as const;

export const isDeskStaff = deskStaff;
