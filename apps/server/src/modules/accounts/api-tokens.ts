import { apiTokens, type Db } from "@guichet/db";
import type { Role } from "@guichet/domain";
import { and, desc, eq, isNull } from "drizzle-orm";
import { API_TOKEN_PREFIX } from "../../auth/authenticate.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { newSecret } from "./secrets.js";

/** Integrated mode (DSN-SEC-03): a machine's credential, answerable to the person who made it. */
export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  roles: Role[];
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

function present(row: typeof apiTokens.$inferSelect): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    // Written from validated roles only; the response schema checks each again on the way out.
    roles: row.roles as Role[],
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Creates a token; its secret is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  actor: AuditActor & { userId: string },
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
    return { token: secret, view: present(row) };
  });
}

export async function listApiTokens(db: Db, organisationId: string): Promise<ApiTokenView[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(present);
}

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
