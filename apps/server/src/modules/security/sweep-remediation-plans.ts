import { type Db, securityAudits } from "@guichet/db";
import { formatCivilDate, parseCalendarDuration, remediationReminderDue } from "@guichet/domain";
import { and, asc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { recordAudit, systemActor } from "../audit/record-audit.js";
import { mailSecurity, operatorById } from "./security-mail.js";
import { operatorSecurityRecipients, providerSecurityRecipients } from "./security-recipients.js";

const SYSTEM = systemActor("Guichet (security)");
const BATCH = 200;
/** The deployment's rule where the contract sets no reminder. */
const DEFAULT_REMINDER = parseCalendarDuration("3 days");

/**
 * DSN-SEC-05: reminds the operator of a remediation plan not filed, once, `reminderBefore` its due
 * instant; once it is due and still not filed, tells the operator and the provider's security
 * contact it is overdue, once, audited. Idempotent: each notice is marked on the audit's row,
 * re-read locked, so a second run or a second process sends nothing more.
 */
export async function sweepRemediationPlans(context: AppContext, now: Date): Promise<Record<string, number>> {
  const rule = context.contract.security?.remediationPlan;
  const before = rule?.reminderBefore ?? DEFAULT_REMINDER;
  if (!rule || !before) return { reminded: 0, overdue: 0 };
  const { db } = context.database;
  // Every pending plan due within a generous horizon; the exact instant is the domain's.
  const horizon = new Date(now.getTime() + 62 * 86_400_000);
  const candidates = await db
    .select({ id: securityAudits.id })
    .from(securityAudits)
    .where(
      and(
        isNotNull(securityAudits.planDueAt),
        isNull(securityAudits.planFiledAt),
        isNull(securityAudits.overdueNotifiedAt),
        lte(securityAudits.planDueAt, horizon),
      ),
    )
    .orderBy(asc(securityAudits.planDueAt))
    .limit(BATCH);
  const counts = { reminded: 0, overdue: 0 };
  for (const candidate of candidates) {
    const done = await db.transaction(async (tx) =>
      noticeOnce(context, tx as unknown as Db, candidate.id, before, now),
    );
    if (done) counts[done]++;
  }
  return counts;
}

async function noticeOnce(
  context: AppContext,
  tx: Db,
  auditId: string,
  before: NonNullable<typeof DEFAULT_REMINDER>,
  now: Date,
): Promise<"reminded" | "overdue" | null> {
  const [audit] = await tx.select().from(securityAudits).where(eq(securityAudits.id, auditId)).for("update");
  if (!audit?.planDueAt || !audit.planDueOn || audit.planFiledAt || audit.overdueNotifiedAt) return null;
  const timeZone = timeZoneOf(context.contract);
  const overdue = now.getTime() >= audit.planDueAt.getTime();
  if (!overdue && (audit.remindedAt || !remediationReminderDue(audit.planDueAt, before, timeZone, now)))
    return null;
  const organisation = await operatorById(tx, audit.organisationId);
  const recipients = await operatorSecurityRecipients(tx, context.contract, audit.organisationId);
  if (overdue) recipients.push(...(await providerSecurityRecipients(tx, context.contract)));
  const dueOn = audit.planDueOn;
  await mailSecurity(tx, context, now, {
    organisationId: audit.organisationId,
    kind: overdue ? "remediation_plan_overdue" : "remediation_plan_reminder",
    clause: audit.clause,
    recipients,
    params: ({ firstName, language }) => ({
      firstName,
      organisationName: organisation?.name ?? "",
      reference: audit.reference,
      dueOn: formatCivilDate(dueOn, language),
    }),
  });
  await tx
    .update(securityAudits)
    .set(overdue ? { overdueNotifiedAt: now } : { remindedAt: now })
    .where(eq(securityAudits.id, audit.id));
  await recordAudit(
    tx,
    SYSTEM,
    {
      action: overdue ? "security_audit.plan_overdue" : "security_audit.plan_reminder",
      organisationId: audit.organisationId,
      targetType: "security_audit",
      targetId: audit.id,
      data: {
        reference: audit.reference,
        planDueOn: audit.planDueOn,
        recipients: recipients.length,
        clause: audit.clause,
      },
    },
    now,
  );
  return overdue ? "overdue" : "reminded";
}
