import { call } from "./client";
import type { AuditBody, CertificateBody, ContactBody, IncidentBody } from "./security-types";

/** The security annex (issue 18, DSN annex 2), one function per route the portal uses. */
export const securityApi = {
  contacts: () => call("get", "/api/security/contacts"),
  saveProviderContact: (body: ContactBody) => call("post", "/api/security/contacts/provider", { body }),
  confirmProviderContact: () => call("post", "/api/security/contacts/provider/confirmation"),
  saveOperatorContact: (organisationId: string, body: ContactBody) =>
    call("post", "/api/organisations/{organisationId}/security-contact", { path: { organisationId }, body }),
  confirmOperatorContact: (organisationId: string) =>
    call("post", "/api/organisations/{organisationId}/security-contact/confirmation", {
      path: { organisationId },
    }),
  incidents: () => call("get", "/api/security/incidents"),
  declareIncident: (body: IncidentBody) => call("post", "/api/security/incidents", { body }),
  notifyOperator: (organisationId: string, body: IncidentBody) =>
    call("post", "/api/organisations/{organisationId}/security-incidents", {
      path: { organisationId },
      body,
    }),
  resolveIncident: (incidentId: string) =>
    call("post", "/api/security/incidents/{incidentId}/resolution", { path: { incidentId } }),
  audits: () => call("get", "/api/security/audits"),
  recordAudit: (organisationId: string, body: AuditBody) =>
    call("post", "/api/organisations/{organisationId}/security-audits", { path: { organisationId }, body }),
  filePlan: (auditId: string, plan: string) =>
    call("post", "/api/security/audits/{auditId}/remediation-plan", { path: { auditId }, body: { plan } }),
  approvePlan: (auditId: string) =>
    call("post", "/api/security/audits/{auditId}/remediation-plan/approval", { path: { auditId } }),
  rejectPlan: (auditId: string, reason: string) =>
    call("post", "/api/security/audits/{auditId}/remediation-plan/rejection", {
      path: { auditId },
      body: { reason },
    }),
  certificates: (organisationId: string) =>
    call("get", "/api/organisations/{organisationId}/client-certificates", { path: { organisationId } }),
  registerCertificate: (organisationId: string, body: CertificateBody) =>
    call("post", "/api/organisations/{organisationId}/client-certificates", {
      path: { organisationId },
      body,
    }),
  revokeCertificate: (organisationId: string, certificateId: string) =>
    call("post", "/api/organisations/{organisationId}/client-certificates/{certificateId}/revocation", {
      path: { organisationId, certificateId },
    }),
};

export const securityKeys = {
  all: ["security"] as const,
  contacts: ["security", "contacts"] as const,
  incidents: ["security", "incidents"] as const,
  audits: ["security", "audits"] as const,
  certificates: (organisationId: string) => ["security", "certificates", organisationId] as const,
};
