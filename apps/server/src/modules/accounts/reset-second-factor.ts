import { type Db, users } from "@guichet/db";
import { and, eq, inArray, ne } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { revokeSessionsOf } from "./revoke-sessions.js";

export type ResetSecondFactorResult = { ok: true } | { ok: false; reason: "not_found" | "own_account" };

/**
 * A provider administrator resets another staff member's second factor (lost phone, used-up
 * recovery codes; issue 13): the secret, any pending one and the recovery codes are dropped and
 * the person is signed out everywhere, so the next sign-in (password alone) leads straight to a
 * new enrolment. Never one's own: a stolen session must not be able to swap the factor that
 * guards the account, and someone else must vouch for the person asking.
 */
export async function resetSecondFactor(
  db: Db,
  actor: AuditActor,
  input: { providerId: string; userId: string },
  now: Date,
): Promise<ResetSecondFactorResult> {
  if (actor.userId === input.userId) return { ok: false, reason: "own_account" };
  return db.transaction(async (tx) => {
    const [person] = await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpRecoveryHashes: [] })
      .where(
        and(
          eq(users.id, input.userId),
          eq(users.organisationId, input.providerId),
          inArray(users.status, ["invited", "active", "suspended"]),
          ne(users.id, actor.userId ?? input.userId),
        ),
      )
      .returning({ id: users.id, email: users.email });
    if (!person) return { ok: false as const, reason: "not_found" as const };
    await revokeSessionsOf(tx, person.id, now);
    await recordAudit(
      tx,
      actor,
      {
        action: "staff.reset_second_factor",
        organisationId: input.providerId,
        targetType: "user",
        targetId: person.id,
        data: { email: person.email },
      },
      now,
    );
    return { ok: true as const };
  });
}
