import {
  compiledByShape,
  type Db,
  executeCompiled,
  insertPlaceholders,
  outbox,
  type RowsShape,
  rowValues,
  type Ticket,
  type TicketEventRow,
  ticketCounters,
  ticketEvents,
  tickets,
} from "@guichet/db";
import { type SQL, sql } from "drizzle-orm";
import { type AuditActor, type AuditEvent, auditAppendCtes, auditValues } from "../audit/record-audit.js";
import type { outboxRowOf } from "../mail/enqueue-mail.js";

type OutboxRow = ReturnType<typeof outboxRowOf>;

export interface OpenedRows {
  /** Its reference is the token, replaced by the number the statement gives it. */
  ticket: Ticket;
  events: readonly Omit<TicketEventRow, "seq">[];
  mails: readonly OutboxRow[];
  /** Stands for the reference in the ticket, its mails and the audit entry until it is known. */
  token: string;
}

/** Which columns each kind of row gives, and how many rows: one statement per shape. */
interface Shape {
  ticket: RowsShape;
  events: RowsShape;
  mails: RowsShape;
}

const shapeKey = ({ ticket, events, mails }: Shape) =>
  `${ticket.keys}|${events.keys}*${events.rows}|${mails.keys}*${mails.rows}`;

const placeholder = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * The statement that writes an opened ticket (see writeOpened), compiled once per shape: all its
 * values are placeholders.
 */
const openingStatement = compiledByShape(shapeKey, (shape: Shape) => {
  const reference = sql`(select reference from numbered_ref)`;
  const token = placeholder("token");
  const prefix = sql`${placeholder("prefix")}::text`;
  const year = sql`${placeholder("year")}::int`;
  const insertTicket = insertPlaceholders(tickets, "t", shape.ticket, { computed: { reference } });
  const insertEvents = insertPlaceholders(ticketEvents, "e", shape.events);
  const mailed = shape.mails.rows
    ? sql`mailed as (${insertPlaceholders(outbox, "m", shape.mails, {
        wrap: (key, value) =>
          key === "subject" || key === "textBody" ? sql`replace(${value}, ${token}, ${reference})` : value,
      })}),`
    : sql``;
  return sql`
    with counter as (insert into ${ticketCounters} (prefix, year, last) values (${prefix}, ${year}, 1)
        on conflict (prefix, year) do update set last = ${ticketCounters}.last + 1 returning last),
      numbered_ref as materialized (select ${referenceSql(prefix, year, sql`counter.last`)} as reference from counter),
      opened as (${insertTicket}),
      timeline as (${insertEvents} returning seq, type),
      ${mailed}
      ${auditAppendCtes({ token, value: sql`numbered_ref.reference`, from: sql`numbered_ref` })}
    select (select reference from numbered_ref) as reference,
      (select json_agg(json_build_object('seq', seq, 'type', type)) from timeline) as events`;
});

/**
 * Writes an opened ticket, its first events, its mails and its audit entry in one statement,
 * giving it its gapless reference (`MCR-2026-00042`, as formatTicketReference writes it) from the
 * counter row, locked until the commit so numbers have no gaps and no duplicates: the token in
 * the ticket, the mails and the entry becomes the reference. Every opening waits for that row,
 * and every write for the audit chain's lock: taken in the last statement before the commit, both
 * are held for one round trip.
 */
export async function writeOpened(
  tx: Db,
  opened: OpenedRows,
  numbering: { prefix: string; year: number },
  actor: AuditActor,
  event: AuditEvent,
  now: Date,
): Promise<{ reference: string; seqs: Map<string, number> }> {
  const { ticket, events, mails, token } = opened;
  const { reference: _, ...given } = ticket;
  const shape = (rows: readonly object[]) => ({ keys: Object.keys(rows[0] ?? {}), rows: rows.length });
  const statement = openingStatement({ ticket: shape([given]), events: shape(events), mails: shape(mails) });
  const values = {
    token,
    prefix: numbering.prefix,
    year: numbering.year,
    ...rowValues(tickets, "t", [given]),
    ...rowValues(ticketEvents, "e", events),
    ...rowValues(outbox, "m", mails),
    ...auditValues(actor, event, now),
  };
  const [written] = await executeCompiled<{ reference: string; events: { seq: number; type: string }[] }>(
    tx,
    statement,
    values,
  );
  if (!written) throw new Error(`openTicket: writing ticket ${ticket.id} returned nothing`);
  return {
    reference: written.reference,
    seqs: new Map(written.events.map((e) => [e.type, Number(e.seq)])),
  };
}

/** formatTicketReference in SQL, for the statement that numbers a ticket (both tested alike). */
export function referenceSql(prefix: SQL, year: SQL, sequence: SQL): SQL {
  return sql`${prefix} || '-' || (${year})::text || '-' || lpad(${sequence}::text, greatest(5, length(${sequence}::text)), '0')`;
}
