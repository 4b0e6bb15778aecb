import { users } from "@guichet/db";
import { subtractCalendarDuration } from "@guichet/domain";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit, systemActor } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { timeZoneOf } from "./issue-link.js";
import { revokeSessionsOf } from "./revoke-sessions.js";

/** How long before deactivation the person is warned by e-mail. */
export const INACTIVITY_WARNING_DAYS = 14;

const SYSTEM: AuditActor = systemActor("Guichet (tâche quotidienne)");

/**
 * Identifiers the sweep looks at: in use, and sent but never used (DSN annex 4 "Tout identifiant
 * non utilisé durant six mois"; issue 14): an invited person's clock starts when the identifier
 * was sent (status_changed_at, written with the invitation), and it counts towards the limit of
 * DSN-ID-01 until swept.
 */
const SWEPT = ["active", "invited"] as const;

/**
 * The daily sweep of DSN-ID-03: an identifier unused for the contract's period is deactivated,
 * after a warning e-mail sent 14 days before. It derives everything from the database state
 * (last use, warning date), so running it twice, or on two servers, changes nothing more.
 */
export async function sweepInactiveIdentifiers(
  context: AppContext,
  now: Date,
): Promise<{ warned: number; deactivated: number }> {
  const rule = context.contract.identifierPolicy.inactivityDeactivation;
  if (!rule) return { warned: 0, deactivated: 0 };
  const { db } = context.database;
  const zone = timeZoneOf(context.contract);
  const cutoff = subtractCalendarDuration(now, rule.after, zone);
  const warnFrom = new Date(cutoff.getTime() + INACTIVITY_WARNING_DAYS * 24 * 3600_000);
  const lastUse = sql<Date>`coalesce(${users.lastUsedAt}, ${users.statusChangedAt})`;
  let warned = 0;
  let deactivated = 0;

  const stale = await db
    .select()
    .from(users)
    .where(and(inArray(users.status, [...SWEPT]), lt(lastUse, warnFrom)));
  for (const user of stale) {
    const lastUsedAt = user.lastUsedAt ?? user.statusChangedAt;
    await db.transaction(async (tx) => {
      if (lastUsedAt < cutoff) {
        // Conditional on the state read: a sign-in in between keeps the identifier.
        const done = await tx
          .update(users)
          .set({ status: "deactivated", statusReason: "inactivity", statusChangedAt: now })
          .where(and(eq(users.id, user.id), inArray(users.status, [...SWEPT]), lt(lastUse, cutoff)))
          .returning({ id: users.id });
        if (done.length === 0) return;
        await revokeSessionsOf(tx, user.id, now);
        await recordAudit(
          tx,
          SYSTEM,
          {
            action: "user.deactivate_inactive",
            organisationId: user.organisationId,
            targetType: "user",
            targetId: user.id,
            data: { lastUsedAt: lastUsedAt.toISOString(), clause: rule.clause },
          },
          now,
        );
        deactivated += 1;
        return;
      }
      const claimed = await tx
        .update(users)
        .set({ inactivityWarnedAt: now })
        .where(
          and(
            eq(users.id, user.id),
            or(isNull(users.inactivityWarnedAt), lt(users.inactivityWarnedAt, lastUse)),
          ),
        )
        .returning({ id: users.id });
      if (claimed.length === 0) return;
      const deactivationAt = new Date(lastUsedAt.getTime() + (now.getTime() - cutoff.getTime()));
      await enqueueMail(tx, {
        organisationId: user.organisationId,
        kind: "inactivity_warning",
        to: user.email,
        locale: user.locale,
        params: { firstName: user.firstName, lastUsedAt, deactivationAt },
        clause: rule.clause,
        ...deploymentMail(context, now),
      });
      await recordAudit(
        tx,
        SYSTEM,
        {
          action: "user.warn_inactive",
          organisationId: user.organisationId,
          targetType: "user",
          targetId: user.id,
          data: { deactivationAt: deactivationAt.toISOString() },
        },
        now,
      );
      warned += 1;
    });
  }
  return { warned, deactivated };
}
