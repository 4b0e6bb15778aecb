import type { SecurityContact } from "@guichet/db";
import { remediationPlanState } from "@guichet/domain";
import { z } from "zod";
import type { ListedIncident } from "./list-incidents.js";
import type { ListedAudit } from "./list-security-audits.js";
import type { ContactsView } from "./list-security-contacts.js";

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export const ZSecurityContact = z
  .object({
    organisationId: z.string(),
    side: z.enum(["provider", "operator"]),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    /** When it was last confirmed current (DSN-SEC-04), changed or not. */
    confirmedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "SecurityContact" });

export const ZSecurityContacts = z
  .object({
    provider: z.object({
      contact: ZSecurityContact.nullable(),
      /** Where the provider's incidents go while its staff set no contact. */
      fallback: z
        .union([
          z.object({ kind: z.literal("contract"), email: z.string() }),
          z.object({ kind: z.literal("security-officers") }),
        ])
        .nullable(),
    }),
    operators: z.array(
      z.object({
        organisationId: z.string(),
        organisationName: z.string(),
        contact: ZSecurityContact.nullable(),
      }),
    ),
    clause: z.string(),
  })
  .meta({ id: "SecurityContacts" });

export const ZIncidentKind = z
  .enum(["malicious-activity", "vulnerability", "incident"])
  .meta({ id: "SecurityIncidentKind" });

export const ZSecurityIncident = z
  .object({
    id: z.string(),
    reference: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    direction: z.enum(["operator-to-provider", "provider-to-operator"]),
    kind: ZIncidentKind,
    serious: z.boolean(),
    title: z.string(),
    description: z.string(),
    detectedAt: z.string(),
    declaredAt: z.string(),
    /** The addresses it was mailed to, at once. */
    notifiedTo: z.array(z.string()),
    resolvedAt: z.string().nullable(),
    /** The operator's access is suspended for this incident (DSN-SEC-02). */
    suspendedAccess: z.boolean(),
  })
  .meta({ id: "SecurityIncident" });

export const ZPlanState = z
  .enum(["not-required", "due", "overdue", "filed", "approved"])
  .meta({ id: "RemediationPlanState" });

export const ZSecurityAudit = z
  .object({
    id: z.string(),
    reference: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    scope: z.string(),
    auditor: z.string(),
    reportOn: z.string(),
    findings: z.string(),
    nonConformity: z.boolean(),
    notifiedAt: z.string(),
    planDueOn: z.string().nullable(),
    planDueAt: z.string().nullable(),
    clause: z.string(),
    plan: z.string().nullable(),
    planFiledAt: z.string().nullable(),
    planApprovedAt: z.string().nullable(),
    /** The provider's last refusal of a filed plan, its reason and the plan refused (DSN-SEC-05). */
    planRejectedAt: z.string().nullable(),
    planRejectionReason: z.string().nullable(),
    rejectedPlan: z.string().nullable(),
    remindedAt: z.string().nullable(),
    overdueNotifiedAt: z.string().nullable(),
    state: ZPlanState,
  })
  .meta({ id: "SecurityAudit" });

export function presentContact(contact: SecurityContact): z.infer<typeof ZSecurityContact> {
  return {
    organisationId: contact.organisationId,
    side: contact.side,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    confirmedAt: contact.confirmedAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}

export function presentContacts(view: ContactsView, clause: string): z.infer<typeof ZSecurityContacts> {
  return {
    provider: {
      contact: view.provider.contact ? presentContact(view.provider.contact) : null,
      fallback: view.provider.fallback,
    },
    operators: view.operators.map((row) => ({
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      contact: row.contact ? presentContact(row.contact) : null,
    })),
    clause,
  };
}

export function presentIncident(incident: ListedIncident): z.infer<typeof ZSecurityIncident> {
  return {
    id: incident.id,
    reference: incident.reference,
    organisationId: incident.organisationId,
    organisationName: incident.organisationName,
    direction: incident.direction,
    kind: incident.kind,
    serious: incident.serious,
    title: incident.title,
    description: incident.description,
    detectedAt: incident.detectedAt.toISOString(),
    declaredAt: incident.declaredAt.toISOString(),
    notifiedTo: incident.notifiedTo,
    resolvedAt: iso(incident.resolvedAt),
    suspendedAccess: incident.suspendedAccess,
  };
}

export function presentAudit(audit: ListedAudit, now: Date): z.infer<typeof ZSecurityAudit> {
  return {
    id: audit.id,
    reference: audit.reference,
    organisationId: audit.organisationId,
    organisationName: audit.organisationName,
    scope: audit.scope,
    auditor: audit.auditor,
    reportOn: audit.reportOn,
    findings: audit.findings,
    nonConformity: audit.nonConformity,
    notifiedAt: audit.notifiedAt.toISOString(),
    planDueOn: audit.planDueOn,
    planDueAt: iso(audit.planDueAt),
    clause: audit.clause,
    plan: audit.plan,
    planFiledAt: iso(audit.planFiledAt),
    planApprovedAt: iso(audit.planApprovedAt),
    planRejectedAt: iso(audit.planRejectedAt),
    planRejectionReason: audit.planRejectionReason,
    rejectedPlan: audit.rejectedPlan,
    remindedAt: iso(audit.remindedAt),
    overdueNotifiedAt: iso(audit.overdueNotifiedAt),
    state: remediationPlanState(audit, now),
  };
}
