import { apiTokens, type Db, users } from "@guichet/db";
import { credentialRolesInForce, type Role } from "@guichet/domain";
import { and, desc, eq, isNull } from "drizzle-orm";
import { API_TOKEN_PREFIX } from "../../auth/authenticate.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { newSecret } from "./secrets.js";

/** Integrated mode (DSN-SEC-03): a machine's credential, answerable to the person who made it. */
export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  /** The roles it was made with. */
  roles: Role[];
  /**
   * The roles it acts with now: those of its own its owner still has (credentialRolesInForce, as
   * authentication computes them at each request), none once the owner is no longer active.
   */
  rolesInForce: Role[];
  /** Its owner's rights were lowered since it was made: it acts with fewer roles than it was made with. */
  narrowed: boolean;
  /** Its owner, whose rights bound it (DSN-SEC-01: answerable to a person). */
  owner: { name: string; active: boolean };
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** The person a token answers to, as she stands now. */
interface Owner {
  name: string;
  active: boolean;
  roles: readonly Role[];
}

function present(row: typeof apiTokens.$inferSelect, owner: Owner): ApiTokenView {
  const made = row.roles as Role[];
  const rolesInForce = owner.active ? credentialRolesInForce(made, owner.roles) : [];
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    // Written from validated roles only; the response schema checks each again on the way out.
    roles: made,
    rolesInForce,
    narrowed: rolesInForce.length < made.length,
    owner: { name: owner.name, active: owner.active },
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Creates a token; its secret is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  actor: AuditActor & { userId: string; owner: Owner },
  input: { organisationId: string; name: string; roles: Role[]; expiresAt: Date },
  now: Date,
): Promise<{ token: string; view: ApiTokenView }> {
  const { secret, hash } = newSecret(API_TOKEN_PREFIX);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        organisationId: input.organisationId,
        ownerUserId: actor.userId,
        name: input.name,
        prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
        tokenHash: hash,
        roles: input.roles,
        expiresAt: input.expiresAt,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAudit(
      tx,
      actor,
      {
        action: "api_token.create",
        organisationId: input.organisationId,
        targetType: "api_token",
        targetId: row.id,
        data: { name: input.name, roles: input.roles, expiresAt: input.expiresAt.toISOString() },
      },
      now,
    );
    return { token: secret, view: present(row, actor.owner) };
  });
}

export async function listApiTokens(db: Db, organisationId: string): Promise<ApiTokenView[]> {
  const rows = await db
    .select({ token: apiTokens, owner: ownerColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.ownerUserId))
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(({ token, owner }) =>
    present(token, {
      name: `${owner.firstName} ${owner.lastName}`,
      active: owner.status === "active",
      roles: owner.roles as Role[],
    }),
  );
}

const ownerColumns = {
  firstName: users.firstName,
  lastName: users.lastName,
  status: users.status,
  roles: users.roles,
};

/** Revokes at once: the next request with it is refused. False when not found in that organisation. */
export async function revokeApiToken(
  db: Db,
  actor: AuditActor,
  organisationId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(apiTokens.id, tokenId),
          eq(apiTokens.organisationId, organisationId),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) return false;
    await recordAudit(
      tx,
      actor,
      { action: "api_token.revoke", organisationId, targetType: "api_token", targetId: tokenId },
      now,
    );
    return true;
  });
}
