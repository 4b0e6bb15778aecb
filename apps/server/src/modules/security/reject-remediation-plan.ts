import { type Db, type SecurityAudit, securityAudits } from "@guichet/db";
import { formatCivilDate, remediationPlanDue } from "@guichet/domain";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { mailSecurity, operatorById } from "./security-mail.js";
import { operatorSecurityRecipients } from "./security-recipients.js";

/**
 * The provider refuses a filed remediation plan, with its reason (DSN-SEC-05, annex 2 §5: only a
 * plan "après approbation ... par le Fournisseur de Services" binds, and its "délais devront être
 * raisonnables"). Reading (contracts/deux-sevres-eservices.yaml, security.remediationPlan): the
 * refusal is a new notification to the operator, so a revised plan is due within the same delay
 * counted from the refusal; reminders and the overdue notice start again. The plan refused and the
 * reason stay on the audit (and every refusal in the audit trail); the operator's security contact
 * is mailed at once. Only a filed plan not yet approved is refused: a second refusal, or one after
 * approval, changes nothing (a conditional UPDATE, so two at once refuse once).
 */
export async function rejectRemediationPlan(
  tx: Db,
  context: Pick<AppContext, "contract" | "config">,
  actor: AuditActor & { userId: string },
  input: { auditId: string; reason: string },
  now: Date,
): Promise<
  | { audit: SecurityAudit }
  | { refused: "plan_not_filed" | "plan_approved"; audit: SecurityAudit }
  | "not_found"
  | "no_clause"
> {
  const rule = context.contract.security?.remediationPlan;
  if (!rule) return "no_clause";
  const where = eq(securityAudits.id, input.auditId);
  const [current] = await tx.select().from(securityAudits).where(where).for("update");
  if (!current) return "not_found";
  if (current.planApprovedAt) return { refused: "plan_approved", audit: current };
  if (!current.planFiledAt || current.plan === null) return { refused: "plan_not_filed", audit: current };
  const timeZone = timeZoneOf(context.contract);
  const due = remediationPlanDue(now, rule.within, timeZone);
  const [rejected] = await tx
    .update(securityAudits)
    .set({
      rejectedPlan: current.plan,
      planRejectedAt: now,
      planRejectedBy: actor.userId,
      planRejectionReason: input.reason,
      plan: null,
      planFiledAt: null,
      planFiledBy: null,
      planDueOn: due.dueOn,
      planDueAt: due.dueAt,
      remindedAt: null,
      overdueNotifiedAt: null,
    })
    .where(and(where, isNotNull(securityAudits.planFiledAt), isNull(securityAudits.planApprovedAt)))
    .returning();
  if (!rejected) return { refused: "plan_not_filed", audit: current };
  const organisation = await operatorById(tx, rejected.organisationId);
  await mailSecurity(tx, context, now, {
    organisationId: rejected.organisationId,
    kind: "remediation_plan_rejected",
    clause: rejected.clause,
    recipients: await operatorSecurityRecipients(tx, context.contract, rejected.organisationId),
    params: ({ firstName, language }) => ({
      firstName,
      organisationName: organisation?.name ?? "",
      reference: rejected.reference,
      reason: input.reason,
      dueOn: formatCivilDate(due.dueOn, language),
    }),
  });
  await recordAudit(
    tx,
    actor,
    {
      action: "security_audit.plan_rejected",
      organisationId: rejected.organisationId,
      targetType: "security_audit",
      targetId: rejected.id,
      data: {
        reference: rejected.reference,
        reason: input.reason,
        plan: current.plan,
        planDueOn: due.dueOn,
        clause: rejected.clause,
      },
    },
    now,
  );
  return { audit: rejected };
}
