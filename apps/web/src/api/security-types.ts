/** The security annex's answers (issue 18: DSN-SEC-02..05), named from the generated types (schema.d.ts). */
import type { Answer, Body } from "./paths";

export type SecurityContacts = Answer<"/api/security/contacts">;
export type SecurityContact = NonNullable<SecurityContacts["provider"]["contact"]>;
export type ContactBody = Body<"/api/security/contacts/provider">;
export type SecurityIncident = Answer<"/api/security/incidents">[number];
export type IncidentBody = Body<"/api/security/incidents">;
export type SecurityAudit = Answer<"/api/security/audits">[number];
export type AuditBody = Body<"/api/organisations/{organisationId}/security-audits">;
export type ClientCertificate = Answer<"/api/organisations/{organisationId}/client-certificates">[number];
export type CertificateBody = Body<"/api/organisations/{organisationId}/client-certificates">;
