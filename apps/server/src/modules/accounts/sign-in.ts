import { type Db, organisations, sessions, users } from "@guichet/db";
import { and, eq, ne } from "drizzle-orm";
import { SESSION_ABSOLUTE_MS } from "../../auth/authenticate.js";
import type { AuditActor } from "../audit/record-audit.js";
import { recordAudit } from "../audit/record-audit.js";
import { clearFailures, recordFailure, throttleKeys, waitUntil } from "./login-throttle.js";
import { decoyPasswordHash, verifyPassword } from "./passwords.js";
import { consumeRecoveryCode } from "./recovery-codes.js";
import { hashSecret, newSecret } from "./secrets.js";
import { verifyTotp } from "./totp.js";

export interface SignInInput {
  email: string;
  password: string;
  totpCode?: string;
  /** One of the recovery codes given at enrolment, in place of the TOTP code (single use). */
  recoveryCode?: string;
  ip: string;
  userAgent: string | null;
  requestId: string;
  /** A session token the browser still holds: revoked, so every sign-in rotates the session. */
  previousSessionToken?: string;
  /** The contract asks provider staff for a second factor. */
  totpRequiredForProviderStaff: boolean;
}

export type SignInResult =
  | { ok: true; sessionToken: string; csrfToken: string; expiresAt: Date; userId: string }
  | { ok: false; reason: "failed" | "second_factor_required" | "second_factor_invalid" | "suspended" }
  /** This client tried this account (or any account) too often: it may try again in that many seconds. */
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Password (and TOTP when enrolled) → a new server-side session. Every outcome is audited;
 * unknown account and wrong password answer alike and take the same time. A client that guessed
 * too often waits, growing delays per (account, address) and per address (login-throttle.ts):
 * refused before any password is checked, for unknown accounts as for real ones; no account is
 * ever locked, so its owner signs in from her own address during an attack from another.
 */
export async function signIn(db: Db, input: SignInInput, now: Date): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.ip);
  const anonymous: AuditActor = {
    userId: null,
    label: `? <${email}>`,
    organisationId: null,
    via: "anonymous",
    ip: input.ip,
    userAgent: input.userAgent,
    requestId: input.requestId,
  };
  const fail = async (reason: string, userId?: string, organisationId?: string) => {
    await recordFailure(db, keys, now);
    await recordAudit(
      db,
      { ...anonymous, userId: userId ?? null, organisationId: organisationId ?? null },
      { action: "auth.sign_in", outcome: "failure", data: { email, reason } },
      now,
    );
    return { ok: false as const, reason: "failed" as const };
  };

  const until = await waitUntil(db, keys, now);
  if (until) {
    const retryAfterSeconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    await recordFailure(db, keys, now, ["address"]);
    await recordAudit(
      db,
      anonymous,
      { action: "auth.sign_in", outcome: "failure", data: { email, reason: "throttled", retryAfterSeconds } },
      now,
    );
    return { ok: false, reason: "throttled", retryAfterSeconds };
  }

  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.email, email), ne(users.status, "revoked")));
  const passwordOk = await verifyPassword(
    row?.user.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  );
  if (!row || !passwordOk || row.user.status !== "active") {
    return fail(
      !row ? "unknown_account" : !passwordOk ? "wrong_password" : `status_${row.user.status}`,
      row?.user.id,
      row?.organisation.id,
    );
  }
  const { user, organisation } = row;
  const actor: AuditActor = {
    ...anonymous,
    userId: user.id,
    label: `${user.firstName} ${user.lastName} <${user.email}>`,
    organisationId: organisation.id,
    via: "session",
  };
  if (organisation.status === "suspended") {
    await recordAudit(
      db,
      actor,
      { action: "auth.sign_in", outcome: "failure", data: { reason: "suspended" } },
      now,
    );
    return { ok: false, reason: "suspended" };
  }
  // A pending secret (enrolment not finished, issue 13) guards nothing: only a proved one does.
  let recoveryCodesLeft: number | null = null;
  if (user.totpSecret) {
    if (input.recoveryCode) {
      recoveryCodesLeft = await consumeRecoveryCode(db, user.id, input.recoveryCode);
      if (recoveryCodesLeft === null) {
        await fail("wrong_recovery_code", user.id, organisation.id);
        return { ok: false, reason: "second_factor_invalid" };
      }
    } else if (!input.totpCode) {
      return { ok: false, reason: "second_factor_required" };
    } else if (!verifyTotp(user.totpSecret, input.totpCode, now)) {
      await fail("wrong_totp", user.id, organisation.id);
      return { ok: false, reason: "second_factor_invalid" };
    }
  }
  // Staff who must use a second factor but have not enrolled get a session limited to enrolment.
  const secondFactorDone =
    Boolean(user.totpSecret) || !(input.totpRequiredForProviderStaff && organisation.kind === "provider");

  return db.transaction(async (tx) => {
    if (input.previousSessionToken) {
      await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(eq(sessions.tokenHash, hashSecret(input.previousSessionToken)));
    }
    const session = newSecret();
    const csrf = newSecret();
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    await tx.insert(sessions).values({
      tokenHash: session.hash,
      userId: user.id,
      organisationId: organisation.id,
      csrfToken: csrf.secret,
      secondFactorDone,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await tx.update(users).set({ lastLoginAt: now, lastUsedAt: now }).where(eq(users.id, user.id));
    await clearFailures(tx as unknown as Db, keys);
    await recordAudit(
      tx,
      actor,
      {
        action: "auth.sign_in",
        data: {
          secondFactor: Boolean(user.totpSecret),
          ...(recoveryCodesLeft !== null ? { recoveryCode: true, recoveryCodesLeft } : {}),
        },
      },
      now,
    );
    return {
      ok: true as const,
      sessionToken: session.secret,
      csrfToken: csrf.secret,
      expiresAt,
      userId: user.id,
    };
  });
}
