import { oneTimeTokens, organisations, users } from "@guichet/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { recordAudit } from "../audit/record-audit.js";
import { hashPassword, passwordStrength } from "./passwords.js";
import { revokeSessionsOf } from "./revoke-sessions.js";
import { hashSecret } from "./secrets.js";

export type RedeemResult =
  | { ok: true; email: string; strength: number }
  | { ok: false; reason: "invalid_link" }
  | { ok: false; reason: "too_weak"; score: number; minimum: number };

interface RequestInfo {
  ip?: string;
  id?: string;
  headers: Record<string, unknown>;
}

/**
 * An invitation or reset link sets the person's password (MCR-ACC-01, DSN-ID-02): single use,
 * expiring, and the contract's minimum strength enforced. Redeeming activates an invited
 * identifier and signs out every session of a reset one.
 */
export async function redeemLink(
  context: AppContext,
  input: { token: string; password: string },
  request: RequestInfo,
  now: Date,
): Promise<RedeemResult> {
  const { db } = context.database;
  const [row] = await db
    .select({ link: oneTimeTokens, user: users, organisation: organisations })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashSecret(input.token)),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    );
  const usable = row && (row.user.status === "invited" || row.user.status === "active");
  if (!row || !usable) {
    await recordAudit(
      db,
      {
        userId: null,
        label: "?",
        organisationId: null,
        via: "link",
        ip: request.ip ?? null,
        requestId: request.id ?? null,
      },
      {
        action: "auth.redeem_link",
        outcome: "failure",
        data: { reason: row ? `status_${row.user.status}` : "unknown_or_expired" },
      },
      now,
    );
    return { ok: false, reason: "invalid_link" };
  }
  const { link, user } = row;
  const minimum = context.contract.identifierPolicy.password.minimumStrength;
  const score = await passwordStrength(input.password, [
    user.email,
    user.firstName,
    user.lastName,
    row.organisation.name,
  ]);
  if (score < minimum) return { ok: false, reason: "too_weak", score, minimum };
  const passwordHash = await hashPassword(input.password);

  const outcome = await db
    .transaction(async (tx) => {
      // The conditional update is the single-use guarantee: of two concurrent redeemers only one matches.
      const claimed = await tx
        .update(oneTimeTokens)
        .set({ usedAt: now })
        .where(and(eq(oneTimeTokens.id, link.id), isNull(oneTimeTokens.usedAt)))
        .returning({ id: oneTimeTokens.id });
      if (claimed.length === 0) throw new LinkAlreadyUsed();
      await tx
        .update(users)
        .set({
          passwordHash,
          status: "active",
          statusChangedAt: user.status === "invited" ? now : user.statusChangedAt,
          statusReason: null,
        })
        .where(eq(users.id, user.id));
      if (link.purpose === "password_reset") {
        await revokeSessionsOf(tx, user.id, now);
      }
      await recordAudit(
        tx,
        {
          userId: user.id,
          label: `${user.firstName} ${user.lastName} <${user.email}>`,
          organisationId: user.organisationId,
          via: "link",
          ip: request.ip ?? null,
          userAgent: typeof request.headers["user-agent"] === "string" ? request.headers["user-agent"] : null,
          requestId: request.id ?? null,
        },
        {
          action: link.purpose === "invitation" ? "user.activate" : "user.password_reset",
          targetType: "user",
          targetId: user.id,
          data: { strength: score },
        },
        now,
      );
      return "redeemed" as const;
    })
    .catch((error: unknown) => {
      if (error instanceof LinkAlreadyUsed) return "already_used" as const;
      throw error;
    });
  if (outcome === "already_used") return { ok: false, reason: "invalid_link" };
  return { ok: true, email: user.email, strength: score };
}

class LinkAlreadyUsed extends Error {}
