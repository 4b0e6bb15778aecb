import { type Db, rowsOf, sessions, supportGrants, users } from "@guichet/db";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/**
 * Temporary access of a named provider agent to a customer's tenant (MCR-ACC-05, MCR-SUP-13):
 * granted by a customer administrator until a date, revocable, expiring by itself. While it
 * holds, the agent may enter the tenant; every action is then audited with the grant's id.
 */
export interface SupportGrantView {
  id: string;
  organisationId: string;
  agent: { id: string; name: string; email: string };
  reason: string;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
}

export type GrantRefusal =
  | "not_in_contract"
  | "agent_not_found"
  | "expiry_not_in_future"
  | "expiry_beyond_limit";

export async function grantSupportAccess(
  db: Db,
  actor: AuditActor & { userId: string },
  input: { organisationId: string; agentEmail: string; reason: string; expiresAt: Date },
  now: Date,
  /**
   * The contract's rule for such grants (ticketWorkflow.supportTenantAccess): its clause, and the
   * latest end it allows from now (its expiresAfter); absent: it has none.
   */
  rule: { clause: string; latestExpiry: Date } | undefined,
): Promise<{ ok: true; grantId: string } | { ok: false; reason: GrantRefusal }> {
  if (!rule) return { ok: false, reason: "not_in_contract" };
  if (input.expiresAt <= now) return { ok: false, reason: "expiry_not_in_future" };
  // MCR 8.4: the agent is invited "temporairement"; the contract says for how long at most (issue 14).
  if (input.expiresAt > rule.latestExpiry) return { ok: false, reason: "expiry_beyond_limit" };
  return db.transaction(async (tx) => {
    // The agent belongs to the provider, outside the customer's tenant: asked through the owner's function.
    const [agent] = rowsOf<{ id: string | null }>(
      await tx.execute(sql`select active_provider_agent(${input.agentEmail.trim().toLowerCase()}) as id`),
    );
    if (!agent?.id) return { ok: false as const, reason: "agent_not_found" as const };
    const [grant] = await tx
      .insert(supportGrants)
      .values({
        organisationId: input.organisationId,
        agentUserId: agent.id,
        grantedByUserId: actor.userId,
        reason: input.reason,
        expiresAt: input.expiresAt,
        createdAt: now,
      })
      .returning({ id: supportGrants.id });
    if (!grant) throw new Error("insert returned no row");
    await recordAudit(
      tx,
      actor,
      {
        action: "support_grant.create",
        organisationId: input.organisationId,
        targetType: "support_grant",
        targetId: grant.id,
        data: { agentUserId: agent.id, expiresAt: input.expiresAt.toISOString(), reason: input.reason },
      },
      now,
    );
    return { ok: true as const, grantId: grant.id };
  });
}

export async function listSupportGrants(db: Db, organisationId: string): Promise<SupportGrantView[]> {
  const rows = await db
    .select({ grant: supportGrants, agent: users })
    .from(supportGrants)
    .innerJoin(users, eq(users.id, supportGrants.agentUserId))
    .where(eq(supportGrants.organisationId, organisationId))
    .orderBy(desc(supportGrants.createdAt));
  return rows.map(({ grant, agent }) => ({
    id: grant.id,
    organisationId: grant.organisationId,
    agent: { id: agent.id, name: `${agent.firstName} ${agent.lastName}`, email: agent.email },
    reason: grant.reason,
    expiresAt: grant.expiresAt.toISOString(),
    revokedAt: grant.revokedAt?.toISOString() ?? null,
    createdAt: grant.createdAt.toISOString(),
  }));
}

/** Ends a grant at once; sessions acting under it fall back to the agent's own rights on their next request. */
export async function revokeSupportGrant(
  db: Db,
  actor: AuditActor,
  organisationId: string,
  grantId: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(supportGrants)
      .set({ revokedAt: now })
      .where(
        and(
          eq(supportGrants.id, grantId),
          eq(supportGrants.organisationId, organisationId),
          isNull(supportGrants.revokedAt),
        ),
      )
      .returning({ id: supportGrants.id });
    if (revoked.length === 0) return false;
    await tx.update(sessions).set({ actingGrantId: null }).where(eq(sessions.actingGrantId, grantId));
    await recordAudit(
      tx,
      actor,
      { action: "support_grant.revoke", organisationId, targetType: "support_grant", targetId: grantId },
      now,
    );
    return true;
  });
}

/** The agent enters (or, with null, leaves) a tenant in this session. False when no valid grant is theirs. */
export async function enterTenant(
  db: Db,
  actor: AuditActor & { userId: string },
  sessionTokenHash: string,
  grantId: string | null,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    let organisationId: string | null = null;
    if (grantId) {
      const [grant] = await tx
        .select()
        .from(supportGrants)
        .where(
          and(
            eq(supportGrants.id, grantId),
            eq(supportGrants.agentUserId, actor.userId),
            isNull(supportGrants.revokedAt),
            gt(supportGrants.expiresAt, now),
          ),
        );
      if (!grant) return false;
      organisationId = grant.organisationId;
    }
    await tx.update(sessions).set({ actingGrantId: grantId }).where(eq(sessions.tokenHash, sessionTokenHash));
    await recordAudit(
      tx,
      { ...actor, grantId, actingForOrganisationId: organisationId },
      {
        action: grantId ? "support_grant.enter" : "support_grant.leave",
        targetType: "support_grant",
        targetId: grantId ?? undefined,
      },
      now,
    );
    return true;
  });
}
