import {
  apiTokens,
  clientCertificates,
  type Db,
  organisations,
  sessions,
  supportGrants,
  users,
} from "@guichet/db";
import { credentialRolesInForce, type Role } from "@guichet/domain";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { hashSecret } from "../modules/accounts/secrets.js";
import type { Principal } from "./principal.js";

export const SESSION_COOKIE = "guichet_session";
export const API_TOKEN_PREFIX = "gt_";

/** Session lifetimes: signed out after 30 idle minutes, and after 12 hours whatever happens. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;

export type Resolution =
  | { kind: "anonymous" }
  | { kind: "principal"; principal: Principal }
  /** Credentials were given but are no longer good: expired, revoked, unknown. */
  | { kind: "invalid" }
  /** The person's organisation is suspended (DSN-SEC-02, MCR-ACC-06). */
  | { kind: "suspended"; organisationName: string }
  /** Password given, second factor still due (or to be enrolled): only enrolment routes accept it. */
  | { kind: "second_factor_pending"; principal: Principal };

function displayName(user: { firstName: string; lastName: string }): string {
  return `${user.firstName} ${user.lastName}`;
}

/** The certificate a TLS client presented (its possession of the key proven by the handshake). */
export interface PresentedCertificate {
  fingerprint256: string;
  validFrom: Date;
  validTo: Date;
}

/**
 * Who is calling: a bearer API token, the session cookie, or a registered client certificate
 * presented over TLS (DSN-SEC-03). Everything is re-read on every request, so a suspension or
 * revocation takes effect on the very next one.
 */
export async function resolveCredentials(
  db: Db,
  credentials: { bearer?: string; sessionToken?: string; certificate?: PresentedCertificate },
  now: Date,
): Promise<Resolution> {
  if (credentials.bearer) return resolveApiToken(db, credentials.bearer, now);
  if (credentials.sessionToken) return resolveSession(db, credentials.sessionToken, now);
  if (credentials.certificate) return resolveClientCertificate(db, credentials.certificate, now);
  return { kind: "anonymous" };
}

/**
 * A client certificate the provider registered (by its SHA-256 fingerprint), within its validity:
 * the operator's machine with the certificate's roles, answerable to its owner (DSN-SEC-01), as an
 * API token. The fingerprint is pinned, so a self-signed certificate is as good as a CA's.
 */
async function resolveClientCertificate(
  db: Db,
  presented: PresentedCertificate,
  now: Date,
): Promise<Resolution> {
  if (presented.validFrom > now || presented.validTo <= now) return { kind: "invalid" };
  const [row] = await db
    .select({ certificate: clientCertificates, user: users, organisation: organisations })
    .from(clientCertificates)
    .innerJoin(users, eq(users.id, clientCertificates.ownerUserId))
    .innerJoin(organisations, eq(organisations.id, clientCertificates.organisationId))
    .where(
      and(
        eq(clientCertificates.fingerprint256, presented.fingerprint256),
        isNull(clientCertificates.revokedAt),
        or(isNull(clientCertificates.notAfter), gt(clientCertificates.notAfter, now)),
      ),
    );
  if (!row) return { kind: "invalid" };
  return machinePrincipal(db, row, row.certificate.roles, now, async () => {
    await db
      .update(clientCertificates)
      .set({ lastUsedAt: now })
      .where(eq(clientCertificates.id, row.certificate.id));
    return { via: "client_certificate", clientCertificateId: row.certificate.id };
  });
}

async function resolveApiToken(db: Db, bearer: string, now: Date): Promise<Resolution> {
  if (!bearer.startsWith(API_TOKEN_PREFIX)) return { kind: "invalid" };
  const [row] = await db
    .select({ token: apiTokens, user: users, organisation: organisations })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.ownerUserId))
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashSecret(bearer)),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
      ),
    );
  if (!row) return { kind: "invalid" };
  return machinePrincipal(db, row, row.token.roles, now, async () => {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
    return { via: "api_token", apiTokenId: row.token.id };
  });
}

/**
 * An operator's machine (API token or client certificate), answerable to its owner: refused when
 * the owner is no longer active or the organisation is suspended; otherwise the credential and its
 * owner are marked used and the machine acts with those of the credential's roles its owner still
 * has now (credentialRolesInForce: lowering a person lowers her tokens at once), never inviting.
 */
async function machinePrincipal(
  db: Db,
  owner: { user: typeof users.$inferSelect; organisation: typeof organisations.$inferSelect },
  roles: readonly string[],
  now: Date,
  markUsed: () => Promise<
    { via: "api_token"; apiTokenId: string } | { via: "client_certificate"; clientCertificateId: string }
  >,
): Promise<Resolution> {
  if (owner.user.status !== "active") return { kind: "invalid" };
  if (owner.organisation.status === "suspended")
    return { kind: "suspended", organisationName: owner.organisation.name };
  const credential = await markUsed();
  await db.update(users).set({ lastUsedAt: now }).where(eq(users.id, owner.user.id));
  return {
    kind: "principal",
    principal: {
      userId: owner.user.id,
      email: owner.user.email,
      displayName: displayName(owner.user),
      organisationId: owner.organisation.id,
      organisationKind: owner.organisation.kind,
      roles: credentialRolesInForce(roles as Role[], owner.user.roles as Role[]),
      canInvite: false,
      ...credential,
    },
  };
}

/**
 * The session behind a cookie, with its person and organisation: read on every request, so built
 * once per database as a prepared statement (authentication runs outside tenant transactions,
 * on the owner's connection).
 */
const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();
function prepareSessionQuery(db: Db) {
  return db
    .select({
      session: {
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        csrfToken: sessions.csrfToken,
        secondFactorDone: sessions.secondFactorDone,
        actingGrantId: sessions.actingGrantId,
      },
      user: {
        id: users.id,
        email: users.email,
        firstName: users.firstName,
        lastName: users.lastName,
        status: users.status,
        roles: users.roles,
        canInvite: users.canInvite,
      },
      organisation: {
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        status: organisations.status,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, sessions.organisationId))
    .where(and(eq(sessions.tokenHash, sql.placeholder("tokenHash")), isNull(sessions.revokedAt)))
    .prepare("guichet_session_by_token");
}

async function resolveSession(db: Db, token: string, now: Date): Promise<Resolution> {
  const tokenHash = hashSecret(token);
  let query = sessionQueries.get(db);
  if (!query) {
    query = prepareSessionQuery(db);
    sessionQueries.set(db, query);
  }
  const [row] = await query.execute({ tokenHash });
  if (!row) return { kind: "invalid" };
  const { session, user, organisation } = row;
  const idleExpired = session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime();
  if (session.expiresAt <= now || idleExpired || user.status !== "active") return { kind: "invalid" };
  if (organisation.status === "suspended") return { kind: "suspended", organisationName: organisation.name };
  // Writing last_seen_at on every request would serialise a busy user's requests; a minute is precise enough for a 30-minute idle timeout.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const principal: Principal = {
    userId: user.id,
    email: user.email,
    displayName: displayName(user),
    organisationId: organisation.id,
    organisationKind: organisation.kind,
    roles: user.roles as Role[],
    canInvite: user.canInvite,
    via: "session",
    sessionTokenHash: tokenHash,
    csrfToken: session.csrfToken,
  };
  if (!session.secondFactorDone) return { kind: "second_factor_pending", principal };
  if (session.actingGrantId) {
    const acting = await activeGrant(db, session.actingGrantId, user.id, now);
    if (acting === "suspended") return { kind: "suspended", organisationName: "" };
    if (acting) {
      principal.acting = acting;
      // Inside the customer's tenant the agent has a customer's rights, not the provider's (MCR-ACC-05).
      principal.roles = ["user", "named_contact"];
      principal.canInvite = false;
    }
  }
  return { kind: "principal", principal };
}

async function activeGrant(db: Db, grantId: string, agentUserId: string, now: Date) {
  const [row] = await db
    .select({ grant: supportGrants, organisation: organisations })
    .from(supportGrants)
    .innerJoin(organisations, eq(organisations.id, supportGrants.organisationId))
    .where(
      and(
        eq(supportGrants.id, grantId),
        eq(supportGrants.agentUserId, agentUserId),
        isNull(supportGrants.revokedAt),
        gt(supportGrants.expiresAt, now),
      ),
    );
  if (!row) return undefined;
  if (row.organisation.status === "suspended") return "suspended" as const;
  return {
    organisationId: row.organisation.id,
    organisationName: row.organisation.name,
    grantId: row.grant.id,
  };
}
