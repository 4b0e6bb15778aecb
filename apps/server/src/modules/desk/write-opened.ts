import {
  compiledByShape,
  type Db,
  executeCompiled,
  insertFromJson,
  outbox,
  rowsJson,
  type Ticket,
  type TicketEventRow,
  ticketCounters,
  ticketEvents,
  tickets,
} from "@guichet/db";
import { type SQL, sql } from "drizzle-orm";
import {
  AUDIT_LOCKED,
  type AuditActor,
  type AuditEvent,
  auditEntryCtes,
  auditLockCte,
  auditValues,
} from "../audit/record-audit.js";
import type { outboxRowOf } from "../mail/enqueue-mail.js";
import { keptFactsHoldSql } from "./intake-facts.js";

type OutboxRow = ReturnType<typeof outboxRowOf>;

export interface OpenedRows {
  /**
   * Its reference is the token, replaced by the number the statement gives it. The contract
   * version is left to the columns' default (GEN-01, migration 0035).
   */
  ticket: Omit<Ticket, "contractVersionId">;
  events: readonly Omit<TicketEventRow, "seq" | "contractVersionId">[];
  mails: readonly OutboxRow[];
  /** Stands for the reference in the ticket, its mails and the audit entry until it is known. */
  token: string;
}

/**
 * Which columns each kind of row gives, and whether the statement checks that kept intake facts
 * still hold (not when they were read in the same transaction): one statement per shape.
 */
interface Shape {
  ticket: readonly string[];
  events: readonly string[];
  mails: readonly string[];
  checkFacts: boolean;
}

const placeholder = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * The first key of the advisory lock an opening takes before its year's counter (the second is
 * the counter's hash): openings of every organisation queue once for it in the lock manager, and
 * the counter's row is never contended (waiters on a row being upserted all wake at each commit
 * and try again: under load that cost a fifth of PostgreSQL's time). Taken after the audit chain's
 * lock, always in that order.
 */
const NUMBERING_LOCK = 7_260_002;

/**
 * The statement that writes an opened ticket (see writeOpened), compiled once per shape: its
 * values are placeholders, the rows of each table one JSON array. When the facts the intake
 * decided on are checked and have changed, neither the lock nor the counter is taken and every
 * insert, joined with the reference, writes nothing. The year's first ticket inserts the counter's row.
 */
const openingStatement = compiledByShape(
  (shape: Shape) => `${shape.ticket}|${shape.events}|${shape.mails}|${shape.checkFacts}`,
  (shape: Shape) => {
    const reference = sql`numbered_ref.reference`;
    const numbered = sql`numbered_ref`;
    const token = placeholder("token");
    const prefix = sql`${placeholder("prefix")}::text`;
    const year = sql`${placeholder("year")}::int`;
    const rows = (name: string) => sql`${placeholder(name)}::jsonb`;
    const current = shape.checkFacts ? keptFactsHoldSql : sql`true`;
    const insertTicket = insertFromJson(tickets, shape.ticket, rows("ticket"), {
      computed: { reference },
      join: numbered,
    });
    const insertEvents = insertFromJson(ticketEvents, shape.events, rows("events"), { join: numbered });
    const insertMails = () =>
      insertFromJson(outbox, shape.mails, rows("mails"), {
        wrap: (key, value) =>
          key === "subject" || key === "textBody" ? sql`replace(${value}, ${token}, ${reference})` : value,
        join: numbered,
      });
    return sql`
      with ${auditLockCte(current)},
        numbering as materialized (select pg_advisory_xact_lock(${sql.raw(String(NUMBERING_LOCK))}, hashtext(${prefix} || '-' || ${year}::text)) from ${AUDIT_LOCKED}),
        counter as (insert into ${ticketCounters} (prefix, year, last) select ${prefix}, ${year}, 1 from numbering
          on conflict (prefix, year) do update set last = ${ticketCounters}.last + 1 returning last),
        numbered_ref as materialized (select ${referenceSql(prefix, year, sql`counter.last`)} as reference from counter),
        opened as (${insertTicket}),
        timeline as (${insertEvents} returning seq, type),
        ${shape.mails.length ? sql`mailed as (${insertMails()}),` : sql``}
        ${auditEntryCtes({ token, value: reference, from: numbered })}
      select (select reference from numbered_ref) as reference,
        (select json_agg(json_build_object('seq', seq, 'type', type)) from timeline) as events`;
  },
);

/**
 * Writes an opened ticket, its first events, its mails and its audit entry in one statement,
 * giving it its gapless reference (`MCR-2026-00042`, as formatTicketReference writes it) from the
 * counter row, locked until the commit so numbers have no gaps and no duplicates: the token in
 * the ticket, the mails and the entry becomes the reference. The counter is taken under a lock of
 * its own (NUMBERING_LOCK), after the organisation's audit chain's; both are held until the
 * commit, which the caller sends once this last statement has answered. With `checked`, the
 * intake facts (kept from an earlier opening) are checked before the lock: null
 * when they changed, and nothing was written.
 */
export async function writeOpened(
  tx: Db,
  opened: OpenedRows,
  numbering: { prefix: string; year: number },
  actor: AuditActor,
  event: AuditEvent,
  now: Date,
  checked: { version: string } | undefined,
): Promise<{ reference: string; seqs: Map<string, number> } | null> {
  const { ticket, events, mails, token } = opened;
  const { reference: _, ...given } = ticket;
  const keysOf = (rows: readonly object[]) => Object.keys(rows[0] ?? {});
  const statement = openingStatement({
    ticket: keysOf([given]),
    events: keysOf(events),
    mails: keysOf(mails),
    checkFacts: checked !== undefined,
  });
  const values = auditValues(actor, event, now);
  if (checked) values.version = checked.version;
  values.token = token;
  values.prefix = numbering.prefix;
  values.year = numbering.year;
  values.ticket = rowsJson([given]);
  values.events = rowsJson(events);
  values.mails = rowsJson(mails);
  const [written] = await executeCompiled<{
    reference: string | null;
    events: { seq: number; type: string }[] | null;
  }>(tx, statement, values);
  if (!written) throw new Error(`openTicket: writing ticket ${ticket.id} returned nothing`);
  if (written.reference === null || written.events === null) {
    if (checked) return null;
    throw new Error(`openTicket: ticket ${ticket.id} was not written`);
  }
  return {
    reference: written.reference,
    seqs: new Map(written.events.map((e) => [e.type, Number(e.seq)])),
  };
}

/** formatTicketReference in SQL, for the statement that numbers a ticket (both tested alike). */
export function referenceSql(prefix: SQL, year: SQL, sequence: SQL): SQL {
  return sql`${prefix} || '-' || (${year})::text || '-' || lpad(${sequence}::text, greatest(5, length(${sequence}::text)), '0')`;
}
