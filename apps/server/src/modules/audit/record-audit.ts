import { auditLog, type Db, rowsOf } from "@guichet/db";
import { sql } from "drizzle-orm";
import { auditEntryHash, GENESIS_HASH, type HashedAuditFields } from "./audit-hash.js";

/** Who acted, from where: filled from the request's principal (or the system for sweeps). */
export interface AuditActor {
  userId: string | null;
  label: string;
  organisationId: string | null;
  via: "session" | "api_token" | "link" | "system" | "anonymous" | "email";
  apiTokenId?: string | null;
  grantId?: string | null;
  /** The organisation acted for, when not the actor's own (support grants). */
  actingForOrganisationId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

/** The actor of the server's own sweeps, named by what it does. */
export function systemActor(label: string): AuditActor {
  return { userId: null, label, organisationId: null, via: "system" };
}

export interface AuditEvent {
  action: string;
  outcome?: "success" | "failure";
  /** The organisation concerned; defaults to the one acted for, else the actor's. */
  organisationId?: string | null;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

/** Any transaction or database handle: audit entries are written in the caller's transaction. */
type Executor = Pick<Db, "select" | "insert" | "execute">;

/** Arbitrary but fixed key of the advisory lock that serialises appends to the chain. */
const AUDIT_CHAIN_LOCK = 7_260_001;

/**
 * Appends one entry to the audit trail, chained to the previous one. Call it inside the
 * transaction of the change it records, so both commit or neither does.
 */
export async function recordAudit(
  tx: Executor,
  actor: AuditActor,
  event: AuditEvent,
  at: Date,
): Promise<void> {
  // Serialise appenders so two transactions never chain to the same predecessor: the lock is
  // taken (materialised first) before the head is read, in one round trip, since it is held to
  // the commit by every write. The head is read through a function of the owner's: a tenant
  // appends to the chain without reading others' entries.
  const last = rowsOf<{ hash: string | null }>(
    await tx.execute(
      sql`with locked as materialized (select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}))
          select audit_chain_head() as hash from locked`,
    ),
  )[0];
  const fields: HashedAuditFields = {
    at,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    actorOrganisationId: actor.organisationId,
    organisationId: event.organisationId ?? actor.actingForOrganisationId ?? actor.organisationId,
    grantId: actor.grantId ?? null,
    via: actor.via,
    apiTokenId: actor.apiTokenId ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    outcome: event.outcome ?? "success",
    data: event.data ?? {},
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    requestId: actor.requestId ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...fields, hash: auditEntryHash(fields) });
}
