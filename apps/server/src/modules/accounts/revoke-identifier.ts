import { apiTokens, namedContacts, users } from "@guichet/db";
import { and, eq, isNull } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { securityContactOf } from "../../contract/contacts.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { issueLink } from "./issue-link.js";
import { revokeSessionsOf } from "./revoke-sessions.js";

/**
 * On loss or suspected fraud (DSN-ID-04) an identifier is revoked at once — its sessions and
 * API tokens with it — and a new one issued to the same person, who sets a new password from
 * a single-use link. The old identifier is kept, revoked, for the history (DSN-SEC-01).
 */
export async function revokeIdentifier(
  context: AppContext,
  actor: AuditActor,
  input: { organisationId: string; userId: string; reason: "loss" | "fraud" },
  now: Date,
): Promise<{ ok: true; newUserId: string } | { ok: false }> {
  const { db } = context.database;
  const { contract } = context;
  return db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.organisationId, input.organisationId)));
    if (!old || old.status === "revoked") return { ok: false as const };
    await tx
      .update(users)
      .set({ status: "revoked", statusReason: input.reason, statusChangedAt: now })
      .where(eq(users.id, old.id));
    await revokeSessionsOf(tx, old.id, now);
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.ownerUserId, old.id), isNull(apiTokens.revokedAt)));
    const [fresh] = await tx
      .insert(users)
      .values({
        organisationId: old.organisationId,
        email: old.email,
        firstName: old.firstName,
        lastName: old.lastName,
        locale: old.locale,
        roles: old.roles,
        canInvite: old.canInvite,
        status: "invited",
        statusChangedAt: now,
        replacesUserId: old.id,
        createdAt: now,
      })
      .returning({ id: users.id });
    if (!fresh) throw new Error("insert returned no row");
    const [contact] = await tx.select().from(namedContacts).where(eq(namedContacts.userId, old.id));
    if (contact) {
      await tx.insert(namedContacts).values({ ...contact, userId: fresh.id, createdAt: now });
    }
    const { link, expiresAt } = await issueLink(
      tx,
      contract,
      context.config.PUBLIC_URL,
      { userId: fresh.id, organisationId: old.organisationId, purpose: "invitation" },
      now,
    );
    await enqueueMail(tx, {
      organisationId: old.organisationId,
      kind: "identifier_revoked_reissued",
      to: old.email,
      locale: old.locale,
      params: {
        firstName: old.firstName,
        link,
        expiresAt,
        contact: securityContactOf(contract),
      },
      clause: "DSN-ID-04",
      ...deploymentMail(context, now),
    });
    await recordAudit(
      tx,
      actor,
      {
        action: "user.revoke_and_reissue",
        organisationId: old.organisationId,
        targetType: "user",
        targetId: old.id,
        data: { reason: input.reason, newUserId: fresh.id, clause: "DSN-ID-04" },
      },
      now,
    );
    return { ok: true as const, newUserId: fresh.id };
  });
}
