import { type Db, type Ticket, ticketEvents, tickets } from "@guichet/db";
import type { Contract, Side, TicketChannel } from "@guichet/domain";
import { and, asc, eq, inArray, max } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import type { AuditActor } from "../audit/record-audit.js";
import { evaluateTicketSla, timelineEventOf, urgencyOf, warningDueOf } from "./ticket-sla.js";

/** What every change to an existing ticket is given: where, on which ticket, by whom, when. */
export interface TicketCommand {
  db: Db;
  context: Pick<AppContext, "contract" | "config">;
  ticketId: string;
  author: TimelineAuthor;
  actor: AuditActor;
  now: Date;
}

/** Who wrote a timeline entry: a person of one side, or the system's sweeps. */
export interface TimelineAuthor {
  side: Side | "system";
  userId: string | null;
  label: string;
}

export interface NewTimelineEntry {
  type:
    | "message"
    | "call_logged"
    | "status_changed"
    | "priority_changed"
    | "priority_proposed"
    | "assigned"
    | "escalated";
  visibility: "public" | "internal";
  channel: TicketChannel | null;
  body?: string | null;
  data?: Record<string, unknown>;
  messageId?: string | null;
}

/** The ticket row, locked until the transaction ends so concurrent changes apply one after the other. */
export async function lockTicket(tx: Db, ticketId: string): Promise<Ticket | undefined> {
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for("update");
  return ticket;
}

/** The message just appended on a locked ticket, to hang its attachments on. */
export async function lastMessageSeq(tx: Db, ticketId: string): Promise<number> {
  const [row] = await tx
    .select({ seq: max(ticketEvents.seq) })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), inArray(ticketEvents.type, ["message", "created"])));
  if (!row?.seq) throw new Error(`ticket ${ticketId} has no message to attach files to`);
  return row.seq;
}

export async function timelineOf(tx: Db, ticketId: string) {
  return tx
    .select()
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.seq));
}

/**
 * Appends entries to a ticket's timeline and applies the row's new status/priority/assignee, then
 * rewrites the queue's sort key from the SLA clocks re-derived over the whole timeline.
 */
export async function appendToTimeline(
  tx: Db,
  contract: Contract,
  ticket: Ticket,
  author: TimelineAuthor,
  entries: readonly NewTimelineEntry[],
  patch: Partial<
    Pick<Ticket, "status" | "priority" | "assigneeUserId" | "holdReason" | "resolvedAt" | "closedAt">
  >,
  now: Date,
): Promise<Ticket> {
  if (entries.length > 0) {
    await tx.insert(ticketEvents).values(
      entries.map((entry) => ({
        ticketId: ticket.id,
        organisationId: ticket.organisationId,
        at: now,
        type: entry.type,
        side: author.side,
        actorUserId: author.userId,
        actorLabel: author.label,
        channel: entry.channel,
        visibility: entry.visibility,
        body: entry.body ?? null,
        data: entry.data ?? {},
        messageId: entry.messageId ?? null,
      })),
    );
  }
  const updated: Ticket = { ...ticket, ...patch, updatedAt: now };
  const timeline = await timelineOf(tx, ticket.id);
  const sla = evaluateTicketSla(contract, updated, timeline.map(timelineEventOf), now);
  const [row] = await tx
    .update(tickets)
    .set({ ...patch, updatedAt: now, slaDueAt: urgencyOf(sla), slaWarnAt: warningDueOf(sla) })
    .where(eq(tickets.id, ticket.id))
    .returning();
  return row ?? updated;
}
