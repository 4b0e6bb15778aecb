import { type Db, organisations, type TicketEventRow, ticketEvents, tickets } from "@guichet/db";
import {
  type Contract,
  type MeanResponseTicket,
  meanResponseFigures,
  monthBounds,
  monthOf,
  slaReportFigures,
} from "@guichet/domain";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import { timeZoneOf } from "../accounts/issue-link.js";
import { evaluateTicketSla, timelineEventOf } from "../desk/ticket-sla.js";

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** One ticket as the report reads it: its initial-response clock re-derived at report time. */
function reportTicketOf(
  contract: Contract,
  ticket: typeof tickets.$inferSelect,
  timeline: readonly TicketEventRow[],
  now: Date,
): MeanResponseTicket {
  const sla = evaluateTicketSla(contract, ticket, timeline.map(timelineEventOf), now);
  const clock = sla.metrics.find((m) => m.metric === "initialResponse");
  return {
    priority: clock?.priority ?? ticket.priority,
    plan: ticket.planKey,
    target: clock?.target,
    targetMinutes: clock?.targetMinutes,
    inMaintenance: ticket.maintenanceId !== null,
    outOfScope: ticket.outOfScopeReason !== null,
    slaApplies: ticket.slaApplies,
    initialResponse: clock && {
      state: clock.state,
      elapsedMinutes: clock.elapsedMinutes,
      stoppedAt: clock.stoppedAt,
    },
  };
}

/**
 * A customer's initial-response figures for consecutive months (MCR-SUP-06): the tickets opened in
 * each month, in the provider's time zone, with every clock evaluated at `now` (a ticket of last
 * month still unanswered counts as running, or breached once past its target). Tickets opened
 * during a scheduled maintenance are left out when the contract says maintenance is not an
 * incident (DSN-SUP-07). Undefined when the organisation does not exist or is not visible.
 */
export async function slaReport(
  db: Db,
  contract: Contract,
  organisationId: string,
  months: readonly string[],
  now: Date,
) {
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const first = months[0];
  const last = months[months.length - 1];
  if (!organisation || !first || !last) return undefined;
  const timeZone = timeZoneOf(contract);
  const opened = and(
    eq(tickets.organisationId, organisationId),
    gte(tickets.createdAt, monthBounds(first, timeZone).from),
    lt(tickets.createdAt, monthBounds(last, timeZone).to),
  );
  const rows = await db.select().from(tickets).where(opened);
  const events = await db
    .select()
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.organisationId, organisationId),
        inArray(ticketEvents.ticketId, db.select({ id: tickets.id }).from(tickets).where(opened)),
      ),
    )
    .orderBy(asc(ticketEvents.seq));
  const timelines = groupBy(events, (event) => event.ticketId);
  const byMonth = groupBy(rows, (ticket) => monthOf(ticket.createdAt, timeZone));
  const maintenanceIsExcluded = contract.ticketWorkflow.maintenance?.countsAsIncident === false;
  return {
    organisation,
    timeZone,
    evaluatedAt: now,
    months: months.map((month) => {
      const monthTickets = (byMonth.get(month) ?? []).map((t) =>
        reportTicketOf(contract, t, timelines.get(t.id) ?? [], now),
      );
      const priorities = Object.keys(contract.priorities.levels);
      return {
        month,
        ...monthBounds(month, timeZone),
        ...slaReportFigures(monthTickets, maintenanceIsExcluded, priorities),
        // MCR-SUP-06: the table's MTTI is a mean, judged on the mean per plan and priority (issue 14).
        meanResponse: meanResponseFigures(monthTickets, maintenanceIsExcluded, priorities),
      };
    }),
  };
}

export type SlaReport = NonNullable<Awaited<ReturnType<typeof slaReport>>>;
