import { apiTokens, type Db, namedContacts, users } from "@guichet/db";
import { contractRules, revokesLastAdministrator } from "@guichet/domain";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { securityContactOf } from "../../contract/contacts.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { issueLink } from "./issue-link.js";
import { revokeSessionsOf } from "./revoke-sessions.js";

export type RevokeResult =
  | { ok: true; newUserId: string | null }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "reason_not_offered"; reasons: string[]; clause: string }
  | { ok: false; reason: "last_administrator"; clause: string };

/**
 * On loss or suspected fraud (DSN-ID-04) an identifier is revoked at once — its sessions and
 * API tokens with it — and, where the contract says so, a new one issued to the same person, who
 * sets a new password from a single-use link. The old identifier is kept, revoked, for the
 * history (DSN-SEC-01). The reasons offered and the reissue are the contract's
 * (identifierPolicy.revocation); without it the deployment's rule: no reason asked, reissued.
 */
export async function revokeIdentifier(
  context: AppContext,
  actor: AuditActor,
  input: { organisationId: string; userId: string; reason?: string },
  now: Date,
): Promise<RevokeResult> {
  const { db } = context.database;
  const { contract } = context;
  const rule = contractRules(contract).revocation;
  const offered = rule.reasons.map((reason) => reason.id);
  const reasonFits = offered.length ? offered.includes(input.reason ?? "") : input.reason === undefined;
  if (!reasonFits) return { ok: false, reason: "reason_not_offered", reasons: offered, clause: rule.clause };
  return db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.organisationId, input.organisationId)));
    if (!old || old.status === "revoked") return { ok: false as const, reason: "not_found" as const };
    // Locked, so two administrators revoking themselves at once cannot both see the other remain.
    const people = await tx
      .select({ id: users.id, roles: users.roles, status: users.status })
      .from(users)
      .where(and(eq(users.organisationId, old.organisationId), ne(users.status, "revoked")))
      .for("update");
    if (revokesLastAdministrator(actor.userId, old, people)) {
      return {
        ok: false as const,
        reason: "last_administrator" as const,
        clause: contractRules(contract).rights,
      };
    }
    await tx
      .update(users)
      .set({ status: "revoked", statusReason: input.reason ?? null, statusChangedAt: now })
      .where(eq(users.id, old.id));
    await revokeSessionsOf(tx, old.id, now);
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.ownerUserId, old.id), isNull(apiTokens.revokedAt)));
    const contact = securityContactOf(contract);
    const mail = {
      organisationId: old.organisationId,
      to: old.email,
      locale: old.locale,
      clause: rule.clause,
    };
    const newUserId = rule.reissue ? await reissue(tx, old, now) : null;
    if (newUserId) {
      const { link, expiresAt } = await issueLink(
        tx,
        contract,
        context.config.PUBLIC_URL,
        { userId: newUserId, organisationId: old.organisationId, purpose: "invitation" },
        now,
      );
      await enqueueMail(tx, {
        ...mail,
        kind: "identifier_revoked_reissued",
        params: { firstName: old.firstName, link, expiresAt, contact },
        ...deploymentMail(context, now),
      });
    } else {
      await enqueueMail(tx, {
        ...mail,
        kind: "identifier_revoked",
        params: { firstName: old.firstName, contact },
        ...deploymentMail(context, now),
      });
    }
    await recordAudit(
      tx,
      actor,
      {
        action: rule.reissue ? "user.revoke_and_reissue" : "user.revoke",
        organisationId: old.organisationId,
        targetType: "user",
        targetId: old.id,
        data: { reason: input.reason ?? null, newUserId, clause: rule.clause },
      },
      now,
    );
    return { ok: true as const, newUserId };
  });
}

/** A new identifier for the same person, with the old one's roles and named-contact record. */
async function reissue(
  tx: Pick<Db, "insert" | "select">,
  old: typeof users.$inferSelect,
  now: Date,
): Promise<string> {
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
  if (contact) await tx.insert(namedContacts).values({ ...contact, userId: fresh.id, createdAt: now });
  return fresh.id;
}
