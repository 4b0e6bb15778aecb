import { type Db, sessions, users } from "@guichet/db";
import { eq } from "drizzle-orm";
import { actorOf, type Principal } from "../../auth/principal.js";
import { recordAudit } from "../audit/record-audit.js";
import { newRecoveryCodes } from "./recovery-codes.js";
import { newTotpSecret, totpUri, verifyTotp } from "./totp.js";

type RequestInfo = Parameters<typeof actorOf>[1];

/**
 * TOTP enrolment, step one: a person without a second factor gets a secret (shown once as an
 * otpauth URI for their app). It is kept as pending only: sign-in ignores it until a code proves
 * the person holds it (verifySecondFactor), so a closed tab leaves the account as it was, and
 * enrolling again replaces it (issue 13).
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
    await tx.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, principal.userId));
    await recordAudit(
      tx,
      actorOf(principal, request),
      { action: "auth.totp_enrol", targetType: "user", targetId: principal.userId },
      now,
    );
  });
  return { ok: true, secret, uri: totpUri(secret, issuer, principal.email) };
}

export type SecondFactorResult = { ok: false } | { ok: true; recoveryCodes: string[] };

/**
 * A code from the authenticator app completes this session's sign-in. When it proves a pending
 * secret, enrolment ends: the secret guards every later sign-in, and recovery codes are made,
 * returned this once (their hashes kept), each usable once in place of a code.
 */
export async function verifySecondFactor(
  db: Db,
  principal: Principal,
  code: string,
  request: RequestInfo,
  now: Date,
): Promise<SecondFactorResult> {
  const [user] = await db
    .select({ totpSecret: users.totpSecret, pending: users.totpPendingSecret })
    .from(users)
    .where(eq(users.id, principal.userId));
  const secret = user?.totpSecret ?? user?.pending;
  const ok = Boolean(secret && verifyTotp(secret, code, now));
  const enrolling = ok && !user?.totpSecret;
  const recovery = enrolling ? newRecoveryCodes() : null;
  await db.transaction(async (tx) => {
    if (ok && principal.sessionTokenHash) {
      await tx
        .update(sessions)
        .set({ secondFactorDone: true })
        .where(eq(sessions.tokenHash, principal.sessionTokenHash));
    }
    if (enrolling && recovery) {
      await tx
        .update(users)
        .set({ totpSecret: secret, totpPendingSecret: null, totpRecoveryHashes: recovery.hashes })
        .where(eq(users.id, principal.userId));
    }
    await recordAudit(
      tx,
      actorOf(principal, request),
      {
        action: enrolling ? "auth.totp_enrolled" : "auth.totp_verify",
        outcome: ok ? "success" : "failure",
        targetType: "user",
        targetId: principal.userId,
        ...(recovery ? { data: { recoveryCodes: recovery.codes.length } } : {}),
      },
      now,
    );
  });
  return ok ? { ok: true, recoveryCodes: recovery?.codes ?? [] } : { ok: false };
}
