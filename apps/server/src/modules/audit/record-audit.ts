import { auditLog, compileStatement, type Db, executeCompiled } from "@guichet/db";
import { type SQL, sql } from "drizzle-orm";
import { GENESIS_HASH, type HashedAuditFields, hashedTextAround } from "./audit-hash.js";

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
type Executor = Pick<Db, "_">;

/** Arbitrary but fixed key of the advisory lock that serialises appends to the chain. */
const AUDIT_CHAIN_LOCK = 7_260_001;

/**
 * The name of the CTE that takes the chain's lock (auditLockCte), for work of the statement that
 * must be done under it: an opening takes its ticket number there (see writeOpened).
 */
export const AUDIT_LOCKED = sql.raw("audit_locked");

const appendEntry = compileStatement(sql`with ${auditAppendCtes()} select 1`);

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
  await executeCompiled(tx, appendEntry, auditValues(actor, event, at));
}

/** A value known only inside the appending statement, standing in the entry as a token until then. */
export interface LateValue {
  /** The token's placeholder, among the statement's values. */
  token: SQL;
  /** The SQL of the value, computed by an earlier part of the same statement. */
  value: SQL;
  /** The part of the statement (a CTE) that computes it; no entry is written when it is empty. */
  from: SQL;
}

/**
 * The common table expressions (`audit_locked`, `audit_head`, `audit_text`, `audit_entry`) that
 * append one entry, for a statement of the caller's; they run whatever the statement selects. The
 * entry comes as placeholders (auditValues: its canonical text around the previous hash), so the
 * statement is compiled once (compileStatement). One statement, as every write holds the chain's
 * lock until its commit: the lock is taken (materialised first) before the head is read, by a
 * VOLATILE function so that it reads what the lock's previous holder committed after this
 * statement began (migration 0008); the entry's hash is the SHA-256 of its canonical text with the
 * head joined in (auditEntryHash, which `guichet audit verify` checks), and its columns are read
 * from that same text. The head is read through a function of the owner's: a tenant appends
 * without reading others'.
 */
export function auditAppendCtes(): SQL {
  return sql`${auditLockCte()}, ${auditEntryCtes()}`;
}

/** The CTE that takes the chain's lock, first in the statement; not taken when `when` is false. */
export function auditLockCte(when?: SQL): SQL {
  const lock = sql`select pg_advisory_xact_lock(${sql.raw(String(AUDIT_CHAIN_LOCK))})`;
  return sql`${AUDIT_LOCKED} as materialized (${lock}${when ? sql` where ${when}` : sql``})`;
}

/**
 * The CTEs that read the head and append the entry, after auditLockCte's in the same statement.
 * With `late`, the token in the entry's data is replaced by the value before hashing (opening a
 * ticket writes its reference in the same statement), and no entry is written when `late.from` is
 * empty.
 */
export function auditEntryCtes(late?: LateValue): SQL {
  const filled = (text: SQL) => (late ? sql`replace(${text}, ${late.token}, ${late.value})` : text);
  const field = (name: string) => sql`(f->>${sql.raw(`'${name}'`)})`;
  const hashed = (name: "audit_before" | "audit_after") => filled(sql`${sql.placeholder(name)}::text`);
  // The entry's text is built once (offset 0 keeps the planner from copying its expression into
  // each use) and parsed once; every column is read from it.
  return sql`audit_head as materialized (select coalesce(audit_chain_head(), ${sql.raw(`'${GENESIS_HASH}'`)}) as prev from ${AUDIT_LOCKED}),
    audit_text as materialized (select prev, t, t::jsonb as f from (select audit_head.prev,
      ${hashed("audit_before")} || audit_head.prev || ${hashed("audit_after")} as t
      from audit_head${late ? sql`, ${late.from}` : sql``} offset 0) as joined),
    audit_entry as (insert into ${auditLog} (at, actor_user_id, actor_label, actor_organisation_id, organisation_id,
      grant_id, via, api_token_id, action, target_type, target_id, outcome, data, ip, user_agent,
      request_id, prev_hash, hash)
    select ${field("at")}::timestamptz, ${field("actorUserId")}::uuid, ${field("actorLabel")},
      ${field("actorOrganisationId")}::uuid, ${field("organisationId")}::uuid, ${field("grantId")}::uuid,
      ${field("via")}, ${field("apiTokenId")}::uuid, ${field("action")}, ${field("targetType")}, ${field("targetId")},
      ${field("outcome")}, f->'data', ${field("ip")}, ${field("userAgent")}, ${field("requestId")}, prev,
      encode(sha256(convert_to(t, 'UTF8')), 'hex')
    from audit_text)`;
}

/** The values of the audit CTEs' placeholders for one entry. */
export function auditValues(actor: AuditActor, event: AuditEvent, at: Date): Record<string, unknown> {
  const fields: Omit<HashedAuditFields, "prevHash"> = {
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
  };
  const { before, after } = hashedTextAround(fields);
  return { audit_before: before, audit_after: after };
}
