/**
 * Mails of the security annex (DSN annex 2, issue 18), merged into templates.ts: an incident to
 * the other side's security contact (DSN-SEC-04), an audit's non-conformity with the plan's due
 * date, the reminder, the overdue notice and the plan filed (DSN-SEC-05), and an operator's new
 * security contact told to the provider (annex 2 §7).
 */
export const securityFr = {
  "security_incident.subject": "[Incident de sécurité] {reference} — {organisationName} : {title}",
  "security_incident.body": `Bonjour {firstName},

{declarer} signale un incident de sécurité{cite} :

Référence : {reference}
Opérateur concerné : {organisationName}
Nature : {kind}
Gravité : {severity}
Détecté le : {detectedAt}

{title}

{description}

L'incident est suivi dans le portail : {publicUrl}/securite`,

  "security_audit_notified.subject":
    "Audit de sécurité {reference} : plan de remise en conformité dû le {dueOn}",
  "security_audit_notified.body": `Bonjour {firstName},

L'audit de sécurité {reference} des ressources de {organisationName} a relevé une non-conformité{cite}.

Périmètre : {scope}
Auditeur : {auditor}
Rapport du : {reportOn}

Constats :
{findings}

Un plan de remise en conformité, décrivant les mesures et leurs délais de mise en œuvre, est à déposer dans le portail au plus tard le {dueOn} : {publicUrl}/securite`,

  "remediation_plan_reminder.subject":
    "Rappel : plan de remise en conformité de l'audit {reference} dû le {dueOn}",
  "remediation_plan_reminder.body": `Bonjour {firstName},

Le plan de remise en conformité de l'audit de sécurité {reference} ({organisationName}) n'est pas encore déposé. Il est dû au plus tard le {dueOn}{cite}.

Déposez-le dans le portail : {publicUrl}/securite`,

  "remediation_plan_overdue.subject": "En retard : plan de remise en conformité de l'audit {reference}",
  "remediation_plan_overdue.body": `Bonjour {firstName},

Le plan de remise en conformité de l'audit de sécurité {reference} ({organisationName}) était dû le {dueOn} et n'est pas déposé{cite}.

À défaut de plan approuvé et appliqué, l'accès peut être suspendu sans préavis. Le suivi est dans le portail : {publicUrl}/securite`,

  "remediation_plan_filed.subject":
    "Plan de remise en conformité déposé : audit {reference}, {organisationName}",
  "remediation_plan_filed.body": `Bonjour {firstName},

{organisationName} a déposé le plan de remise en conformité de l'audit {reference}{cite}, à approuver dans le portail :

{plan}

{publicUrl}/securite`,

  "remediation_plan_rejected.subject": "Plan de remise en conformité refusé : audit {reference}",
  "remediation_plan_rejected.body": `Bonjour {firstName},

Le Fournisseur de Services n'approuve pas le plan de remise en conformité de l'audit de sécurité {reference} ({organisationName}){cite}. Motif :

{reason}

Un plan révisé est à déposer dans le portail au plus tard le {dueOn} : {publicUrl}/securite`,

  "security_contact_changed.subject": "{organisationName} : nouveau contact sécurité",
  "security_contact_changed.body": `Bonjour {firstName},

{organisationName} a mis à jour son point de contact sécurité{cite} :

{contactName} <{contactEmail}> {contactPhone}

{publicUrl}/securite`,
} as const;

export type SecurityMailTextKey = keyof typeof securityFr;

export const securityEn: Record<SecurityMailTextKey, string> = {
  "security_incident.subject": "[Security incident] {reference} — {organisationName}: {title}",
  "security_incident.body": `Hello {firstName},

{declarer} reports a security incident{cite}:

Reference: {reference}
Operator concerned: {organisationName}
Nature: {kind}
Severity: {severity}
Detected: {detectedAt}

{title}

{description}

The incident is followed in the portal: {publicUrl}/securite`,

  "security_audit_notified.subject": "Security audit {reference}: remediation plan due on {dueOn}",
  "security_audit_notified.body": `Hello {firstName},

Security audit {reference} of {organisationName}'s resources found a non-conformity{cite}.

Scope: {scope}
Auditor: {auditor}
Report of: {reportOn}

Findings:
{findings}

A remediation plan, describing the measures and their deadlines, is to be filed in the portal by {dueOn} at the latest: {publicUrl}/securite`,

  "remediation_plan_reminder.subject": "Reminder: remediation plan of audit {reference} due on {dueOn}",
  "remediation_plan_reminder.body": `Hello {firstName},

The remediation plan of security audit {reference} ({organisationName}) is not filed yet. It is due by {dueOn} at the latest{cite}.

File it in the portal: {publicUrl}/securite`,

  "remediation_plan_overdue.subject": "Overdue: remediation plan of audit {reference}",
  "remediation_plan_overdue.body": `Hello {firstName},

The remediation plan of security audit {reference} ({organisationName}) was due on {dueOn} and is not filed{cite}.

Without a plan approved and applied, access may be suspended without notice. Follow-up is in the portal: {publicUrl}/securite`,

  "remediation_plan_filed.subject": "Remediation plan filed: audit {reference}, {organisationName}",
  "remediation_plan_filed.body": `Hello {firstName},

{organisationName} filed the remediation plan of audit {reference}{cite}, to approve in the portal:

{plan}

{publicUrl}/securite`,

  "remediation_plan_rejected.subject": "Remediation plan refused: audit {reference}",
  "remediation_plan_rejected.body": `Hello {firstName},

The provider does not approve the remediation plan of security audit {reference} ({organisationName}){cite}. Reason:

{reason}

A revised plan is to be filed in the portal by {dueOn} at the latest: {publicUrl}/securite`,

  "security_contact_changed.subject": "{organisationName}: new security contact",
  "security_contact_changed.body": `Hello {firstName},

{organisationName} updated its security point of contact{cite}:

{contactName} <{contactEmail}> {contactPhone}

{publicUrl}/securite`,
};

type AuditMail = { firstName: string; organisationName: string; reference: string; dueOn: string };

/** What each security mail is rendered from. */
export interface SecurityMailParams {
  security_incident: {
    firstName: string;
    declarer: string;
    reference: string;
    organisationName: string;
    kind: string;
    severity: string;
    detectedAt: Date;
    title: string;
    description: string;
  };
  security_audit_notified: AuditMail & { scope: string; auditor: string; reportOn: string; findings: string };
  remediation_plan_reminder: AuditMail;
  remediation_plan_overdue: AuditMail;
  remediation_plan_filed: { firstName: string; organisationName: string; reference: string; plan: string };
  remediation_plan_rejected: AuditMail & { reason: string };
  security_contact_changed: {
    firstName: string;
    organisationName: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string;
  };
}
