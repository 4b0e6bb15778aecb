import {
  type Db,
  organisations,
  type Ticket,
  type TicketEventRow,
  ticketAttachments,
  ticketEvents,
  tickets,
  users,
} from "@guichet/db";
import {
  availableActions,
  type Contract,
  type Side,
  type SlaEvaluation,
  type TimelineEvent,
  type TimelineEventType,
} from "@guichet/domain";
import { and, asc, desc, eq, getTableColumns, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Reader } from "../../i18n/reader.js";
import { evaluateTicketSla, presentClocks, presentSla, timelineEventOf } from "./ticket-sla.js";

const requester = alias(users, "requester");
const assignee = alias(users, "assignee");

/** The columns a list reads: all but the description, which only the ticket's page shows. */
const { description: _description, ...listedColumns } = getTableColumns(tickets);
type ListedTicket = Omit<Ticket, "description" | "contractVersionId">;

/** Who a summary names: the customer organisation, its requester and the assignee, when visible. */
interface SummaryNames {
  organisationName: string | null;
  requesterName: string | null;
  assigneeName: string | null;
}

/**
 * A ticket as a list shows it: enough to choose, with its SLA clocks now. Lists leave out the
 * clocks' explanations, which only the ticket's page shows (presentTicket): they are most of a
 * page's weight and of its computing.
 */
function summaryOf(ticket: ListedTicket, sla: SlaEvaluation, names: SummaryNames) {
  return {
    id: ticket.id,
    reference: ticket.reference,
    organisationId: ticket.organisationId,
    organisationName: names.organisationName ?? "",
    title: ticket.title,
    category: ticket.category,
    catalogueItemId: ticket.catalogueItemId,
    priority: ticket.priority,
    status: ticket.status,
    holdReason: ticket.holdReason,
    channel: ticket.channel,
    customerReference: ticket.customerReference,
    assigneeUserId: ticket.assigneeUserId,
    assigneeName: ticket.assigneeUserId ? names.assigneeName : null,
    requesterName: names.requesterName ?? "",
    inMaintenance: ticket.maintenanceId !== null,
    outOfScopeReason: ticket.outOfScopeReason,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    sla: presentClocks(sla),
  };
}

export type TicketSummary = ReturnType<typeof summaryOf>;

/** Names of the people and the organisation a ticket's page shows, in two queries. */
async function namesFor(db: Db, ticket: Ticket, events: readonly TicketEventRow[]) {
  const userIds = new Set<string>([ticket.requesterUserId]);
  if (ticket.assigneeUserId) userIds.add(ticket.assigneeUserId);
  for (const e of events) if (e.actorUserId) userIds.add(e.actorUserId);
  const organisationIds = [ticket.organisationId];
  const names = new Map<string, string>();
  if (userIds.size > 0) {
    const people = await db
      .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
      .from(users)
      .where(inArray(users.id, [...userIds]));
    for (const p of people) names.set(p.id, `${p.firstName} ${p.lastName}`);
  }
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, organisationIds));
  for (const o of orgs) names.set(o.id, o.name);
  return names;
}

/** The SLA-relevant part of each listed ticket's timeline (no bodies), in one query. */
async function timelinesOf(db: Db, page: readonly ListedTicket[]) {
  const byTicket = new Map<string, TimelineEvent[]>();
  if (page.length === 0) return byTicket;
  const rows = await db
    .select({
      ticketId: ticketEvents.ticketId,
      at: ticketEvents.at,
      type: ticketEvents.type,
      side: ticketEvents.side,
      channel: ticketEvents.channel,
      visibility: ticketEvents.visibility,
      data: ticketEvents.data,
    })
    .from(ticketEvents)
    .where(
      inArray(
        ticketEvents.ticketId,
        page.map((t) => t.id),
      ),
    )
    .orderBy(asc(ticketEvents.ticketId), asc(ticketEvents.seq));
  for (const row of rows) {
    const list = byTicket.get(row.ticketId) ?? [];
    list.push(timelineEventOf(row));
    byTicket.set(row.ticketId, list);
  }
  return byTicket;
}

export interface TicketFilter {
  organisationId?: string;
  status?: Ticket["status"][];
  /** Open tickets only (new, in progress, on hold), the queue's default. */
  open?: boolean;
  assigneeUserId?: string | "none";
  /** Words of the title, the reference or the customer's own reference. */
  q?: string;
  limit: number;
  offset: number;
  /** "urgency": the queue, most urgent SLA first; "recent": newest first. */
  order: "urgency" | "recent";
}

/**
 * A page of tickets with their SLA clocks now: the customer's Requests, or the provider's queue.
 * Nothing in it depends on the reader's language.
 */
export async function listTickets(db: Db, contract: Contract, filter: TicketFilter, now: Date) {
  const where: SQL[] = [];
  if (filter.organisationId) where.push(eq(tickets.organisationId, filter.organisationId));
  if (filter.status?.length) where.push(inArray(tickets.status, filter.status));
  if (filter.open) where.push(inArray(tickets.status, ["new", "in_progress", "on_hold"]));
  if (filter.assigneeUserId === "none") where.push(isNull(tickets.assigneeUserId));
  else if (filter.assigneeUserId) where.push(eq(tickets.assigneeUserId, filter.assigneeUserId));
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(tickets.title, like),
      ilike(tickets.reference, like),
      ilike(tickets.customerReference, like),
    );
    if (match) where.push(match);
  }
  const order =
    filter.order === "urgency"
      ? [sql`${tickets.slaDueAt} asc nulls last`, asc(tickets.createdAt)]
      : [desc(tickets.createdAt), desc(tickets.reference)];
  const condition = where.length ? and(...where) : undefined;
  // The names come with the page: under row-level security a name the reader may not see is null.
  const page = await db
    .select({
      ticket: listedColumns,
      organisationName: organisations.name,
      requesterName: sql<string | null>`${requester.firstName} || ' ' || ${requester.lastName}`,
      assigneeName: sql<string | null>`${assignee.firstName} || ' ' || ${assignee.lastName}`,
    })
    .from(tickets)
    .leftJoin(organisations, eq(organisations.id, tickets.organisationId))
    .leftJoin(requester, eq(requester.id, tickets.requesterUserId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeUserId))
    .where(condition)
    .orderBy(...order)
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(tickets)
    .where(condition);
  const timelines = await timelinesOf(
    db,
    page.map((row) => row.ticket),
  );
  return {
    total,
    items: page.map(({ ticket, ...names }) =>
      summaryOf(ticket, evaluateTicketSla(contract, ticket, timelines.get(ticket.id) ?? [], now), names),
    ),
  };
}

/** A ticket's file as its page lists it, under the message it came with. */
interface ListedFile {
  id: string;
  eventSeq: number;
  fileName: string;
  contentType: string;
  size: number;
}

/** Everything a ticket's page shows, as read from the database (or just written to it). */
export interface TicketRecord {
  ticket: Omit<Ticket, "contractVersionId">;
  timeline: readonly Omit<TicketEventRow, "contractVersionId">[];
  /** Names of the organisation and the people the page names, by id. */
  names: ReadonlyMap<string, string>;
  files: readonly ListedFile[];
  /** Its SLA as evaluated at `now` by whoever just wrote it; evaluated here when absent. */
  sla?: SlaEvaluation;
}

/**
 * One ticket with its timeline. The customer's side sees public entries only; both see the
 * actions they may take now (workflow.ts) and each SLA clock explained (GEN-02).
 */
export async function getTicket(
  db: Db,
  contract: Contract,
  ticketId: string,
  side: Side,
  now: Date,
  reader: Reader,
) {
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  if (!ticket) return undefined;
  const timeline = await db
    .select()
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.seq));
  const names = await namesFor(db, ticket, timeline);
  const files = await db
    .select({
      id: ticketAttachments.id,
      eventSeq: ticketAttachments.eventSeq,
      fileName: ticketAttachments.fileName,
      contentType: ticketAttachments.contentType,
      size: ticketAttachments.size,
    })
    .from(ticketAttachments)
    .where(eq(ticketAttachments.ticketId, ticketId))
    .orderBy(asc(ticketAttachments.createdAt));
  return presentTicket(contract, { ticket, timeline, names, files }, side, now, reader);
}

/** A ticket's page, from its record: what getTicket answers, and what opening a ticket answers. */
export function presentTicket(
  contract: Contract,
  { ticket, timeline, names, files, sla: evaluated }: TicketRecord,
  side: Side,
  now: Date,
  reader: Reader,
) {
  const visible = side === "provider" ? timeline : timeline.filter((e) => e.visibility === "public");
  const sla = evaluated ?? evaluateTicketSla(contract, ticket, timeline.map(timelineEventOf), now);
  return {
    ...summaryOf(ticket, sla, {
      organisationName: names.get(ticket.organisationId) ?? null,
      requesterName: names.get(ticket.requesterUserId) ?? null,
      assigneeName: ticket.assigneeUserId ? (names.get(ticket.assigneeUserId) ?? null) : null,
    }),
    sla: presentSla(sla, reader),
    description: ticket.description,
    contactEmail: ticket.contactEmail,
    planKey: ticket.planKey,
    slaApplies: ticket.slaApplies,
    actions: availableActions(contract.ticketWorkflow, ticket.status, side),
    timeline: visible.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      // Written by the desk's use cases only, as timelineEventOf reads it.
      type: e.type as TimelineEventType,
      side: e.side,
      author: e.actorUserId ? (names.get(e.actorUserId) ?? e.actorLabel) : e.actorLabel,
      channel: e.channel,
      visibility: e.visibility,
      body: e.body,
      data: e.data,
      attachments: files
        .filter((f) => f.eventSeq === e.seq)
        .map(({ id, fileName, contentType, size }) => ({ id, fileName, contentType, size })),
    })),
  };
}

export type TicketView = ReturnType<typeof presentTicket>;
