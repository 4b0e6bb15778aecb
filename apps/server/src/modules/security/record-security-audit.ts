import { type Db, type SecurityAudit, securityAudits } from "@guichet/db";
import { formatCivilDate, remediationPlanDue } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { securityReference } from "./security-annex.js";
import { mailSecurity, operatorById } from "./security-mail.js";
import { operatorSecurityRecipients } from "./security-recipients.js";

export interface AuditInput {
  organisationId: string;
  scope: string;
  auditor: string;
  reportOn: string;
  findings: string;
  nonConformity: boolean;
  idempotencyKey: string;
}

/**
 * The provider records an audit of an operator's resources with its scope and report (DSN-SEC-05,
 * annex 2 §5). A non-conformity is notified at once, by this recording (portal and mail to the
 * operator's security contact): the remediation plan is due within the contract's delay from
 * that notification (remediationPlanDue: calendar days, see the contract file's reading), kept
 * with the clause. The same idempotency key again answers the first audit.
 */
export async function recordSecurityAudit(
  tx: Db,
  context: Pick<AppContext, "contract" | "config">,
  actor: AuditActor & { userId: string },
  input: AuditInput,
  now: Date,
): Promise<{ audit: SecurityAudit; replayed: boolean } | "not_found" | "no_clause"> {
  const rule = context.contract.security?.remediationPlan;
  if (!rule) return "no_clause";
  const organisation = await operatorById(tx, input.organisationId);
  if (!organisation) return "not_found";
  const [earlier] = await tx
    .select()
    .from(securityAudits)
    .where(
      and(
        eq(securityAudits.organisationId, input.organisationId),
        eq(securityAudits.idempotencyKey, input.idempotencyKey),
      ),
    );
  if (earlier) return { audit: earlier, replayed: true };
  const timeZone = timeZoneOf(context.contract);
  const due = input.nonConformity ? remediationPlanDue(now, rule.within, timeZone) : null;
  const [audit] = await tx
    .insert(securityAudits)
    .values({
      organisationId: input.organisationId,
      reference: securityReference("AU"),
      scope: input.scope,
      auditor: input.auditor,
      reportOn: input.reportOn,
      findings: input.findings,
      nonConformity: input.nonConformity,
      notifiedAt: now,
      planDueOn: due?.dueOn ?? null,
      planDueAt: due?.dueAt ?? null,
      clause: rule.clause,
      recordedBy: actor.userId,
      idempotencyKey: input.idempotencyKey,
    })
    .returning();
  if (!audit) throw new Error("insert returned no row");
  if (due) {
    await mailSecurity(tx, context, now, {
      organisationId: input.organisationId,
      kind: "security_audit_notified",
      clause: rule.clause,
      recipients: await operatorSecurityRecipients(tx, context.contract, input.organisationId),
      params: ({ firstName, language }) => ({
        firstName,
        organisationName: organisation.name,
        reference: audit.reference,
        dueOn: formatCivilDate(due.dueOn, language),
        scope: input.scope,
        auditor: input.auditor,
        reportOn: formatCivilDate(input.reportOn, language),
        findings: input.findings,
      }),
    });
  }
  await recordAudit(
    tx,
    actor,
    {
      action: "security_audit.recorded",
      organisationId: input.organisationId,
      targetType: "security_audit",
      targetId: audit.id,
      data: {
        reference: audit.reference,
        scope: input.scope,
        nonConformity: input.nonConformity,
        planDueOn: audit.planDueOn,
        clause: rule.clause,
      },
    },
    now,
  );
  return { audit, replayed: false };
}
