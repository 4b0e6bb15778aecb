import { type Db, type SecurityIncident, securityIncidents } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { t } from "../../i18n/index.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { securityReference } from "./security-annex.js";
import { mailSecurity, operatorById } from "./security-mail.js";
import { operatorSecurityRecipients, providerSecurityRecipients } from "./security-recipients.js";

export type IncidentDirection = SecurityIncident["direction"];
export type IncidentKind = SecurityIncident["kind"];

export interface IncidentInput {
  organisationId: string;
  direction: IncidentDirection;
  kind: IncidentKind;
  serious: boolean;
  title: string;
  description: string;
  detectedAt: Date;
  idempotencyKey: string;
  clause: string;
}

/**
 * A security incident notified through the annex's form (DSN-SEC-04, annex 2 §4 "s'informer
 * réciproquement"), by an operator to the provider or by the provider to an operator: recorded,
 * audited and mailed at once to the other side's security contact (its fallbacks when none is
 * set), all in the caller's transaction, so an incident exists if and only if its mails do. The
 * same idempotency key again answers the first incident and sends nothing more.
 */
export async function declareIncident(
  tx: Db,
  context: Pick<AppContext, "contract" | "config">,
  actor: AuditActor & { userId: string },
  input: IncidentInput,
  now: Date,
): Promise<{ incident: SecurityIncident; replayed: boolean } | "not_found"> {
  const organisation = await operatorById(tx, input.organisationId);
  if (!organisation) return "not_found";
  const [earlier] = await tx
    .select()
    .from(securityIncidents)
    .where(
      and(
        eq(securityIncidents.organisationId, input.organisationId),
        eq(securityIncidents.idempotencyKey, input.idempotencyKey),
      ),
    );
  if (earlier) return { incident: earlier, replayed: true };
  const recipients =
    input.direction === "operator-to-provider"
      ? await providerSecurityRecipients(tx, context.contract)
      : await operatorSecurityRecipients(tx, context.contract, input.organisationId);
  const [incident] = await tx
    .insert(securityIncidents)
    .values({
      organisationId: input.organisationId,
      reference: securityReference("SI"),
      direction: input.direction,
      kind: input.kind,
      serious: input.serious,
      title: input.title,
      description: input.description,
      detectedAt: input.detectedAt,
      declaredAt: now,
      declaredBy: actor.userId,
      notifiedTo: recipients.map((r) => r.email),
      idempotencyKey: input.idempotencyKey,
    })
    .returning();
  if (!incident) throw new Error("insert returned no row");
  const declarer =
    input.direction === "operator-to-provider" ? organisation.name : context.contract.provider.name;
  await mailSecurity(tx, context, now, {
    organisationId: input.organisationId,
    kind: "security_incident",
    clause: input.clause,
    recipients,
    params: ({ firstName, locale }) => ({
      firstName,
      declarer,
      reference: incident.reference,
      organisationName: organisation.name,
      kind: t(locale, `security.kind.${input.kind}`),
      severity: t(locale, input.serious ? "security.severity.serious" : "security.severity.ordinary"),
      detectedAt: input.detectedAt,
      title: input.title,
      description: input.description,
    }),
  });
  await recordAudit(
    tx,
    actor,
    {
      action: "security_incident.declared",
      organisationId: input.organisationId,
      targetType: "security_incident",
      targetId: incident.id,
      data: {
        reference: incident.reference,
        direction: input.direction,
        kind: input.kind,
        serious: input.serious,
        notifiedTo: incident.notifiedTo,
        clause: input.clause,
      },
    },
    now,
  );
  return { incident, replayed: false };
}
