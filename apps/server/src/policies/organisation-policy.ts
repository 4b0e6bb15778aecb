import type { Principal } from "../auth/principal.js";
import { configuresTenant, hasRole, inTenant, isCustomerAdminOf, isProviderStaff } from "./common.js";

/**
 * Who may do what on an organisation's people and access (MCR-ACC-02, MCR-ACC-03,
 * MCR-ACC-05, MCR-ACC-06, DSN-SEC-02, DSN-SEC-03). One function per action; each route calls
 * exactly one of them before doing anything.
 */
export const organisationPolicy = {
  /** The list of all organisations: provider staff only. */
  listAll: (p: Principal) =>
    isProviderStaff(p, "admin", "account_manager", "security_officer", "support_agent"),
  view: (p: Principal, organisationId: string) =>
    inTenant(p, organisationId) ||
    isProviderStaff(p, "admin", "account_manager", "security_officer", "support_agent"),
  /** Reading people and rights: the tenant's configuration, so the invited agent too (MCR-ACC-05). */
  listUsers: (p: Principal, organisationId: string) =>
    configuresTenant(p, organisationId) || isProviderStaff(p, "admin", "account_manager", "security_officer"),
  /** Inviting: the organisation's administrators, people given the right (MCR-ACC-02), provider administrators. */
  invite: (p: Principal, organisationId: string) =>
    (inTenant(p, organisationId) && !p.acting && (hasRole(p, "customer_admin", "admin") || p.canInvite)) ||
    isProviderStaff(p, "admin", "account_manager"),
  manageUsers: (p: Principal, organisationId: string) =>
    isCustomerAdminOf(p, organisationId) || isProviderStaff(p, "admin", "security_officer"),
  /** Changing a person's roles and right to invite (MCR-ACC-03, MCR 6.1.2): the customer's administrators, provider administrators. */
  changeRights: (p: Principal, organisationId: string) =>
    isCustomerAdminOf(p, organisationId) || isProviderStaff(p, "admin"),
  manageNamedContacts: (p: Principal, organisationId: string) =>
    isCustomerAdminOf(p, organisationId) || isProviderStaff(p, "admin", "account_manager"),
  manageApiTokens: (p: Principal, organisationId: string) => isCustomerAdminOf(p, organisationId),
  manageSupportGrants: (p: Principal, organisationId: string) => isCustomerAdminOf(p, organisationId),
  /** Entering a customer's tenant under its grant, or leaving it: a provider person signed in as herself (MCR-ACC-05). */
  actUnderGrant: (p: Principal) => p.organisationKind === "provider" && p.via === "session",
  /** Suspension is the security officer's (DSN-SEC-02, MCR-ACC-06). */
  suspend: (p: Principal) => isProviderStaff(p, "security_officer"),
  /** Revoking a lost identifier and issuing a new one (DSN-ID-04). */
  revokeIdentifier: (p: Principal, organisationId: string) =>
    isCustomerAdminOf(p, organisationId) || isProviderStaff(p, "admin", "security_officer"),
} as const;
