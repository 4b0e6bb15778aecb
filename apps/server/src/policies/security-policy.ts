import type { Principal } from "../auth/principal.js";
import { inTenant, isCustomerAdminOf, isProviderStaff } from "./common.js";

/** The provider's people of the security annex: its security officers and administrators. */
const securityStaff = (p: Principal) => isProviderStaff(p, "admin", "security_officer");

/**
 * The security annex (DSN annex 2, issue 18). An operator's administrator keeps its security
 * contact and files remediation plans; any of its people may declare an incident (whoever detects
 * it, annex 2 §4) and read its incidents and audits. The provider's security officers and
 * administrators keep the provider's contact, notify operators, record audits, approve plans and
 * register client certificates.
 */
export const securityPolicy = {
  view: (p: Principal, organisationId: string) =>
    (inTenant(p, organisationId) && !p.acting) || securityStaff(p),
  viewAll: securityStaff,
  keepOperatorContact: (p: Principal, organisationId: string) => isCustomerAdminOf(p, organisationId),
  keepProviderContact: securityStaff,
  declareIncident: (p: Principal, organisationId: string) =>
    inTenant(p, organisationId) && !p.acting && p.organisationKind === "customer",
  notifyOperator: securityStaff,
  resolveIncident: securityStaff,
  recordAudit: securityStaff,
  fileRemediationPlan: (p: Principal, organisationId: string) => isCustomerAdminOf(p, organisationId),
  approveRemediationPlan: securityStaff,
  rejectRemediationPlan: securityStaff,
  manageCertificates: securityStaff,
  viewCertificates: (p: Principal, organisationId: string) =>
    isCustomerAdminOf(p, organisationId) || securityStaff(p),
} as const;
