import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { organisations } from "./organisations.js";

/**
 * The security annex (DSN annex 2, art. 11; issue 18). Every table is its organisation's, with
 * row-level security as migration 0003 (migration 0033); the provider's own security contact is
 * read by every tenant, since an operator's incident must reach it.
 */

/**
 * The security contact of an organisation (DSN-SEC-04, annex 2 §4 "le point de contact qui sera
 * alerté en cas d'incident de sécurité", §7 changes told in writing): one per operator, kept by
 * the operator in the portal, and one for the provider (side "provider"), set by its staff.
 * `confirmedAt` says when it was last confirmed current, changed or not.
 */
export const securityContacts = pgTable(
  "security_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    side: text("side", { enum: ["provider", "operator"] }).notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull(),
    confirmedBy: uuid("confirmed_by").references(() => users.id, { onDelete: "restrict" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("security_contacts_organisation_key").on(t.organisationId)],
);

/**
 * A security incident notified in either direction (DSN-SEC-04, annex 2 §4 "s'informer
 * réciproquement en cas de détection d'une malveillance, d'une vulnérabilité, ou d'un incident
 * de sécurité"): by the operator to the provider, or by the provider to one operator. The
 * recipients it was mailed to are kept with it; an idempotency key makes a double click one incident.
 */
export const securityIncidents = pgTable(
  "security_incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The operator concerned: the declarer, or the one the provider notifies. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    reference: text("reference").notNull(),
    direction: text("direction", { enum: ["operator-to-provider", "provider-to-operator"] }).notNull(),
    kind: text("kind", { enum: ["malicious-activity", "vulnerability", "incident"] }).notNull(),
    /** "incident grave" (annex 2 §4): what may justify a suspension without notice (DSN-SEC-02). */
    serious: boolean("serious").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    declaredAt: timestamp("declared_at", { withTimezone: true }).notNull(),
    declaredBy: uuid("declared_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** The addresses the notification was mailed to, at once (through the outbox). */
    notifiedTo: text("notified_to").array().notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("security_incidents_idempotency_key").on(t.organisationId, t.idempotencyKey),
    uniqueIndex("security_incidents_reference_key").on(t.reference),
    index("security_incidents_organisation_idx").on(t.organisationId, t.declaredAt),
  ],
);

/**
 * An audit of an operator's resources (DSN-SEC-05, annex 2 §5): its scope, its report, and when a
 * non-conformity was notified, the remediation plan due within the contract's delay (computed by
 * the domain's remediationPlanDue, kept with the clause), its filing (once), its approval, and the
 * reminder and overdue notices the sweep sent (each once).
 */
export const securityAudits = pgTable(
  "security_audits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    reference: text("reference").notNull(),
    scope: text("scope").notNull(),
    auditor: text("auditor").notNull(),
    reportOn: date("report_on", { mode: "string" }).notNull(),
    /** The findings; a non-conformity makes the plan due. */
    findings: text("findings").notNull(),
    nonConformity: boolean("non_conformity").notNull(),
    /** When the provider notified the non-conformity (the audit's recording): the delay runs from it. */
    notifiedAt: timestamp("notified_at", { withTimezone: true }).notNull(),
    planDueOn: date("plan_due_on", { mode: "string" }),
    planDueAt: timestamp("plan_due_at", { withTimezone: true }),
    clause: text("clause").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    idempotencyKey: text("idempotency_key").notNull(),
    plan: text("plan"),
    planFiledAt: timestamp("plan_filed_at", { withTimezone: true }),
    planFiledBy: uuid("plan_filed_by").references(() => users.id, { onDelete: "restrict" }),
    planApprovedAt: timestamp("plan_approved_at", { withTimezone: true }),
    planApprovedBy: uuid("plan_approved_by").references(() => users.id, { onDelete: "restrict" }),
    /**
     * The provider's last refusal of a filed plan (DSN-SEC-05: only an approved plan binds): its
     * reason and the plan refused. The operator then files anew, within a new delay (see the
     * contract file's reading of security.remediationPlan); earlier refusals are in the audit trail.
     */
    planRejectedAt: timestamp("plan_rejected_at", { withTimezone: true }),
    planRejectedBy: uuid("plan_rejected_by").references(() => users.id, { onDelete: "restrict" }),
    planRejectionReason: text("plan_rejection_reason"),
    rejectedPlan: text("rejected_plan"),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    overdueNotifiedAt: timestamp("overdue_notified_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("security_audits_idempotency_key").on(t.organisationId, t.idempotencyKey),
    uniqueIndex("security_audits_reference_key").on(t.reference),
    index("security_audits_plan_due_idx").on(t.planDueAt).where(sql`${t.planFiledAt} is null`),
    check("security_audits_due_ck", sql`${t.nonConformity} = (${t.planDueAt} is not null)`),
    check("security_audits_plan_ck", sql`(${t.plan} is null) = (${t.planFiledAt} is null)`),
  ],
);

/**
 * A client certificate of an operator's machine for the web services (DSN-SEC-03 "Certificat
 * d'Authentification"), registered by the provider by its SHA-256 fingerprint: a request over TLS
 * presenting it acts as the operator with these roles, answerable to `ownerUserId` (DSN-SEC-01),
 * as an API token does.
 */
export const clientCertificates = pgTable(
  "client_certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    /** Upper-case hex pairs separated by colons, as Node's getPeerCertificate().fingerprint256. */
    fingerprint256: text("fingerprint256").notNull(),
    subject: text("subject"),
    notAfter: timestamp("not_after", { withTimezone: true }),
    roles: text("roles").array().notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("client_certificates_fingerprint_key")
      .on(t.fingerprint256)
      .where(sql`${t.revokedAt} is null`),
  ],
);

export type SecurityContact = typeof securityContacts.$inferSelect;
export type SecurityIncident = typeof securityIncidents.$inferSelect;
export type SecurityAudit = typeof securityAudits.$inferSelect;
export type ClientCertificate = typeof clientCertificates.$inferSelect;
