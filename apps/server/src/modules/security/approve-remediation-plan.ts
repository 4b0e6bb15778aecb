import { type Db, type SecurityAudit, securityAudits } from "@guichet/db";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/**
 * The provider approves a filed remediation plan (DSN-SEC-05, annex 2 §5 "Après approbation du
 * plan de remise en conformité par le Fournisseur de Services"); approving again changes nothing.
 */
export async function approveRemediationPlan(
  tx: Db,
  actor: AuditActor & { userId: string },
  input: { auditId: string },
  now: Date,
): Promise<{ audit: SecurityAudit } | { refused: "plan_not_filed"; audit: SecurityAudit } | "not_found"> {
  const where = eq(securityAudits.id, input.auditId);
  const [approved] = await tx
    .update(securityAudits)
    .set({ planApprovedAt: now, planApprovedBy: actor.userId })
    .where(and(where, isNotNull(securityAudits.planFiledAt), isNull(securityAudits.planApprovedAt)))
    .returning();
  if (!approved) {
    const [audit] = await tx.select().from(securityAudits).where(where);
    if (!audit) return "not_found";
    return audit.planFiledAt ? { audit } : { refused: "plan_not_filed", audit };
  }
  await recordAudit(
    tx,
    actor,
    {
      action: "security_audit.plan_approved",
      organisationId: approved.organisationId,
      targetType: "security_audit",
      targetId: approved.id,
      data: { reference: approved.reference, clause: approved.clause },
    },
    now,
  );
  return { audit: approved };
}
