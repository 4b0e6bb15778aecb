import { auditLog, compileStatement, type Db, executeCompiled } from "@guichet/db";
import { type SQL, sql } from "drizzle-orm";
import { GENESIS_HASH, type HashedAuditFields, hashedTextAround } from "./audit-hash.js";

/** Who acted, from where: filled from the request's principal (or the system for sweeps). */
export interface AuditActor {
  userId: string | null;
  label: string;
  organisationId: string | null;
  via: "session" | "api_token" | "client_certificate" | "link" | "system" | "anonymous" | "email";
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

/**
 * The first key of the advisory locks that serialise appends to one chain; the second is the
 * chain's hash. Two chains whose hashes collide share a lock: they wait for each other, nothing more.
 */
const AUDIT_CHAIN_LOCK = 7_260_001;

/** The chain of the provider's own actions and of those of no organisation (audit_chain_of). */
export const PROVIDER_CHAIN = "00000000-0000-0000-0000-000000000000";

/**
 * The name of the CTE that takes the chain's lock (auditLockCte): an opening takes its ticket
 * number after it (see writeOpened), and writes nothing when it is empty.
 */
export const AUDIT_LOCKED = sql.raw("audit_locked");

const appendEntry = compileStatement(sql`with ${auditAppendCtes()} select 1`);

/**
 * Appends one entry to the audit trail, chained to the previous entry of its organisation's chain
 * (DSN-SEC-01). Call it inside the transaction of the change it records, so both commit or neither
 * does. It waits only for the writes of the same organisation (or, for the provider's chain, of
 * the provider's own actions and the system's) until their commit.
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
 * The common table expressions (`audit_chain`, `audit_locked`, `audit_head`, `audit_text`,
 * `audit_entry`) that append one entry, for a statement of the caller's; they run whatever the
 * statement selects. The entry comes as placeholders (auditValues: its canonical text around the
 * previous hash, and its organisation), so the statement is compiled once (compileStatement). One
 * statement: the entry's chain is found (audit_chain_of: its customer's, else the provider's), the
 * chain's lock is taken (materialised first) before its head is read, by a VOLATILE function so
 * that it reads what the lock's previous holder committed after this statement began (migration
 * 0008); the entry's hash is the SHA-256 of its canonical text with the head joined in
 * (auditEntryHash, which `guichet audit verify` checks), and its columns are read from that same
 * text. The chain and its head are read through functions of the owner's: a tenant appends
 * without reading others' entries.
 */
export function auditAppendCtes(): SQL {
  return sql`${auditLockCte()}, ${auditEntryCtes()}`;
}

/**
 * The CTEs that find the entry's chain and take its lock, first in the statement; the lock is not
 * taken (and `audit_locked` is empty) when `when` is false.
 */
export function auditLockCte(when?: SQL): SQL {
  const chain = sql`audit_chain_of(${sql.placeholder("audit_organisation")}::uuid)`;
  const lock = sql`select chain, pg_advisory_xact_lock(${sql.raw(String(AUDIT_CHAIN_LOCK))}, hashtext(chain::text)) from audit_chain`;
  return sql`audit_chain as materialized (select ${chain} as chain),
    ${AUDIT_LOCKED} as materialized (${lock}${when ? sql` where ${when}` : sql``})`;
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
  return sql`audit_head as materialized (select chain, coalesce(audit_chain_head(chain), ${sql.raw(`'${GENESIS_HASH}'`)}) as prev from ${AUDIT_LOCKED}),
    audit_text as materialized (select chain, prev, t, t::jsonb as f from (select audit_head.chain, audit_head.prev,
      ${hashed("audit_before")} || audit_head.prev || ${hashed("audit_after")} as t
      from audit_head${late ? sql`, ${late.from}` : sql``} offset 0) as joined),
    audit_entry as (insert into ${auditLog} (at, actor_user_id, actor_label, actor_organisation_id, organisation_id,
      grant_id, via, api_token_id, action, target_type, target_id, outcome, data, ip, user_agent,
      request_id, chain, prev_hash, hash)
    select ${field("at")}::timestamptz, ${field("actorUserId")}::uuid, ${field("actorLabel")},
      ${field("actorOrganisationId")}::uuid, ${field("organisationId")}::uuid, ${field("grantId")}::uuid,
      ${field("via")}, ${field("apiTokenId")}::uuid, ${field("action")}, ${field("targetType")}, ${field("targetId")},
      ${field("outcome")}, f->'data', ${field("ip")}, ${field("userAgent")}, ${field("requestId")}, chain, prev,
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
  return { audit_before: before, audit_after: after, audit_organisation: fields.organisationId };
}
