import { type Db, sessions, users } from "@guichet/db";
import { eq } from "drizzle-orm";
import { actorOf, type Principal } from "../../auth/principal.js";
import { recordAudit } from "../audit/record-audit.js";
import { newTotpSecret, totpUri, verifyTotp } from "./totp.js";

type RequestInfo = Parameters<typeof actorOf>[1];

/**
 * TOTP enrolment: a person without a second factor gets a secret (shown once as an otpauth URI
 * for their app); the session counts as fully signed in once a code from it is verified.
 * Provider staff must do this before anything else when the contract requires it.
 */
export async function startTotpEnrolment(
  db: Db,
  principal: Principal,
  issuer: string,
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true; secret: string; uri: string } | { ok: false }> {
  const [user] = await db
    .select({ totpSecret: users.totpSecret })
    .from(users)
    .where(eq(users.id, principal.userId));
  if (!user || user.totpSecret) return { ok: false };
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: secret }).where(eq(users.id, principal.userId));
    await recordAudit(
      tx,
      actorOf(principal, request),
      { action: "auth.totp_enrol", targetType: "user", targetId: principal.userId },
      now,
    );
  });
  return { ok: true, secret, uri: totpUri(secret, issuer, principal.email) };
}

export async function verifySecondFactor(
  db: Db,
  principal: Principal,
  code: string,
  request: RequestInfo,
  now: Date,
): Promise<boolean> {
  const [user] = await db
    .select({ totpSecret: users.totpSecret })
    .from(users)
    .where(eq(users.id, principal.userId));
  const ok = Boolean(user?.totpSecret && verifyTotp(user.totpSecret, code, now));
  await db.transaction(async (tx) => {
    if (ok && principal.sessionTokenHash) {
      await tx
        .update(sessions)
        .set({ secondFactorDone: true })
        .where(eq(sessions.tokenHash, principal.sessionTokenHash));
    }
    await recordAudit(
      tx,
      actorOf(principal, request),
      { action: "auth.totp_verify", outcome: ok ? "success" : "failure" },
      now,
    );
  });
  return ok;
}
