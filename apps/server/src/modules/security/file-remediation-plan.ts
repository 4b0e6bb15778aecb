import { type Db, type SecurityAudit, securityAudits } from "@guichet/db";
import { and, eq, isNull } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { mailSecurity, operatorById } from "./security-mail.js";
import { providerSecurityRecipients } from "./security-recipients.js";

export type PlanRefusal = { refused: "plan_not_required" | "plan_already_filed"; audit: SecurityAudit };

/**
 * The operator's administrator files the remediation plan of an audit's non-conformity
 * (DSN-SEC-05, annex 2 §5: "les mesures et leurs délais de mise en œuvre"), once: a second
 * filing is refused with the clause and changes nothing (a conditional UPDATE, so two at once
 * file one). Late or not, it is taken; the provider's security contact is mailed to approve it.
 */
export async function fileRemediationPlan(
  tx: Db,
  context: Pick<AppContext, "contract" | "config">,
  actor: AuditActor & { userId: string },
  input: { organisationId: string; auditId: string; plan: string },
  now: Date,
): Promise<{ audit: SecurityAudit } | PlanRefusal | "not_found"> {
  const where = and(
    eq(securityAudits.id, input.auditId),
    eq(securityAudits.organisationId, input.organisationId),
  );
  const [audit] = await tx.select().from(securityAudits).where(where);
  if (!audit) return "not_found";
  if (!audit.nonConformity) return { refused: "plan_not_required", audit };
  const [filed] = await tx
    .update(securityAudits)
    .set({ plan: input.plan, planFiledAt: now, planFiledBy: actor.userId })
    .where(and(where, isNull(securityAudits.planFiledAt)))
    .returning();
  if (!filed) return { refused: "plan_already_filed", audit };
  const late = filed.planDueAt !== null && now.getTime() >= filed.planDueAt.getTime();
  const organisation = await operatorById(tx, input.organisationId);
  await mailSecurity(tx, context, now, {
    organisationId: input.organisationId,
    kind: "remediation_plan_filed",
    clause: filed.clause,
    recipients: await providerSecurityRecipients(tx, context.contract),
    params: ({ firstName }) => ({
      firstName,
      organisationName: organisation?.name ?? "",
      reference: filed.reference,
      plan: input.plan,
    }),
  });
  await recordAudit(
    tx,
    actor,
    {
      action: "security_audit.plan_filed",
      organisationId: input.organisationId,
      targetType: "security_audit",
      targetId: filed.id,
      data: { reference: filed.reference, planDueOn: filed.planDueOn, late, clause: filed.clause },
    },
    now,
  );
  return { audit: filed };
}
