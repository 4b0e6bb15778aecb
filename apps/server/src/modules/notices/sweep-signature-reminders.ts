import { changeNotices, contractChanges, type Db, organisations, users } from "@guichet/db";
import { formatCivilDate, SIGNATURE_REMINDERS, signatureReminderDue } from "@guichet/domain";
import { and, arrayContains, asc, eq, isNull, lt } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { recordAudit, systemActor } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";

const SYSTEM = systemActor("Guichet (notices)");
const BATCH = 200;

/**
 * DSN-BIL-02 (DSN 10.1): a new version of the general conditions or of the security annex takes
 * effect only once both parties signed it; while a customer has not, its administrators (who alone
 * may sign) are reminded at the deployment's cadence (SIGNATURE_REMINDERS, decided by the pure
 * signatureReminderDue). Idempotent: each notice is re-read locked and its count moves with the
 * mail and the audit entry, so a second run or a second process sends nothing more.
 */
export async function sweepSignatureReminders(
  context: AppContext,
  now: Date,
): Promise<Record<string, number>> {
  const { db } = context.database;
  const candidates = await db
    .select({ id: changeNotices.id })
    .from(changeNotices)
    .where(
      and(
        eq(changeNotices.signatureRequired, true),
        isNull(changeNotices.signedAt),
        lt(changeNotices.reminders, SIGNATURE_REMINDERS.atMost),
      ),
    )
    .orderBy(asc(changeNotices.madeAvailableAt))
    .limit(BATCH);
  let reminded = 0;
  for (const candidate of candidates) {
    const sent = await db.transaction(async (tx) =>
      remindOnce(context, tx as unknown as Db, candidate.id, now),
    );
    if (sent) reminded++;
  }
  return { reminded };
}

async function remindOnce(context: AppContext, tx: Db, noticeId: string, now: Date): Promise<boolean> {
  const [notice] = await tx.select().from(changeNotices).where(eq(changeNotices.id, noticeId)).for("update");
  if (!notice || !signatureReminderDue(notice, SIGNATURE_REMINDERS, now)) return false;
  const [change] = await tx.select().from(contractChanges).where(eq(contractChanges.id, notice.changeId));
  const [organisation] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, notice.organisationId));
  if (!change || !organisation) return false;
  const admins = await tx
    .select({ email: users.email, firstName: users.firstName, locale: users.locale })
    .from(users)
    .where(
      and(
        eq(users.organisationId, notice.organisationId),
        eq(users.status, "active"),
        arrayContains(users.roles, ["customer_admin"]),
      ),
    )
    .orderBy(asc(users.email));
  for (const person of admins) {
    await enqueueMail(tx, {
      ...deploymentMail(context, now),
      organisationId: notice.organisationId,
      to: person.email,
      locale: person.locale,
      clause: notice.clause,
      kind: "change_signature_reminder",
      params: {
        firstName: person.firstName,
        organisationName: organisation.name,
        title: change.title,
        announcedOn: formatCivilDate(change.announcedOn, person.locale),
      },
    });
  }
  const reminders = notice.reminders + 1;
  await tx
    .update(changeNotices)
    .set({ reminders, lastRemindedAt: now })
    .where(eq(changeNotices.id, notice.id));
  await recordAudit(
    tx,
    SYSTEM,
    {
      action: "change_notice.reminded",
      organisationId: notice.organisationId,
      targetType: "change_notice",
      targetId: notice.id,
      data: { changeId: change.id, clause: notice.clause, reminders, mailed: admins.length },
    },
    now,
  );
  return true;
}
