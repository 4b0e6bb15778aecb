import { type Db, type Ticket, users } from "@guichet/db";
import { isContractPriority, type Priority, phoneCallAllowed } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import { t } from "../../i18n/index.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { type DeskRefusal, refusal } from "./desk-refusal.js";
import { mailRequester } from "./ticket-mail.js";
import { appendToTimeline, lockTicket, type TicketCommand } from "./ticket-store.js";

export type MoveOutcome = { ok: true; ticket: Ticket } | DeskRefusal | undefined;
type Outcome = MoveOutcome;

/**
 * Support's moves on a ticket that are not status changes: priority (set, or proposed in a
 * dispute, MCR-SUP-12), assignment, and a phone call logged on it (MCR-SUP-03). Each runs in its
 * own transaction on the locked ticket and leaves a timeline entry and an audit entry.
 */
export async function onLockedTicket(
  db: Db,
  ticketId: string,
  work: (tx: Db, ticket: Ticket) => Promise<Exclude<Outcome, undefined>>,
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx as unknown as Db, ticketId);
    if (!ticket) return undefined;
    if (ticket.status === "closed") return refusal("ticket_closed");
    return work(tx as unknown as Db, ticket);
  });
}

export const auditTicket = (
  tx: Db,
  actor: AuditActor,
  ticket: Ticket,
  action: string,
  data: Record<string, unknown>,
  now: Date,
) =>
  recordAudit(
    tx,
    actor,
    {
      action,
      organisationId: ticket.organisationId,
      targetType: "ticket",
      targetId: ticket.id,
      data: { reference: ticket.reference, ...data },
    },
    now,
  );

/**
 * "set": support decides the priority, which also ends a dispute (support decides last). "propose":
 * support proposes a change with its reason; the ticket waits On hold while the customer justifies
 * its choice (MCR-SUP-12). The SLA engine re-derives the clocks from the change (keep-elapsed).
 */
export async function changePriority(
  { db, context, ticketId, author, actor, now }: TicketCommand,
  input: { priority: Priority; reason: string; mode: "set" | "propose" },
): Promise<Outcome> {
  const dispute = context.contract.ticketWorkflow.priorityDispute;
  return onLockedTicket(db, ticketId, async (tx, ticket) => {
    if (!input.reason.trim()) return refusal("reason_required");
    if (!isContractPriority(context.contract, input.priority))
      return refusal("unknown_priority", context.contract.priorities.clause);
    if (input.priority === ticket.priority)
      return refusal("same_priority", undefined, { priority: ticket.priority });
    const data = {
      from: ticket.priority,
      to: input.priority,
      reason: input.reason,
      clause: dispute?.clause ?? null,
    };
    if (input.mode === "propose") {
      if (!dispute) return refusal("no_priority_dispute");
      const updated = await appendToTimeline(
        tx,
        context.contract,
        ticket,
        author,
        [
          { type: "priority_proposed", visibility: "public", channel: "portal", body: input.reason, data },
          {
            type: "status_changed",
            visibility: "public",
            channel: "portal",
            data: { from: ticket.status, to: "on_hold", reason: "priority_dispute" },
          },
        ],
        { status: "on_hold", holdReason: "priority_dispute" },
        now,
      );
      const message = t("fr", "desk.priority_proposed", {
        from: ticket.priority,
        to: input.priority,
        reason: input.reason,
        clause: dispute.clause,
      });
      await mailRequester(tx, context, updated, "ticket_info_requested", { message }, dispute.clause, now);
      await auditTicket(tx, actor, ticket, "ticket.priority_proposed", data, now);
      return { ok: true, ticket: updated };
    }
    const endsDispute = ticket.status === "on_hold" && ticket.holdReason === "priority_dispute";
    const updated = await appendToTimeline(
      tx,
      context.contract,
      ticket,
      author,
      [
        {
          type: "priority_changed",
          visibility: "public",
          channel: "portal",
          body: input.reason,
          data: { ...data, priority: input.priority },
        },
        ...(endsDispute
          ? [
              {
                type: "status_changed" as const,
                visibility: "public" as const,
                channel: "portal" as const,
                data: { from: "on_hold", to: "in_progress", reason: "priority_decided" },
              },
            ]
          : []),
      ],
      endsDispute
        ? { priority: input.priority, status: "in_progress", holdReason: null }
        : { priority: input.priority },
      now,
    );
    await auditTicket(tx, actor, ticket, "ticket.priority_changed", data, now);
    return { ok: true, ticket: updated };
  });
}

/** Assigns the ticket to one of the provider's active staff, or to nobody. */
export async function assignTicket(
  { db, context, ticketId, author, actor, now }: TicketCommand,
  assigneeUserId: string | null,
  providerOrganisationId: string,
): Promise<Outcome> {
  return onLockedTicket(db, ticketId, async (tx, ticket) => {
    let label: string | null = null;
    if (assigneeUserId) {
      const [assignee] = await tx
        .select({ firstName: users.firstName, lastName: users.lastName })
        .from(users)
        .where(
          and(
            eq(users.id, assigneeUserId),
            eq(users.organisationId, providerOrganisationId),
            eq(users.status, "active"),
          ),
        );
      if (!assignee) return refusal("not_provider_staff");
      label = `${assignee.firstName} ${assignee.lastName}`;
    }
    const data = { from: ticket.assigneeUserId, to: assigneeUserId, assignee: label };
    const updated = await appendToTimeline(
      tx,
      context.contract,
      ticket,
      author,
      [{ type: "assigned", visibility: "internal", channel: null, data }],
      { assigneeUserId },
      now,
    );
    await auditTicket(tx, actor, ticket, "ticket.assigned", data, now);
    return { ok: true, ticket: updated };
  });
}

/** A call with the customer, logged on its ticket; only plans and priorities with a phone line (MCR-SUP-03). */
export async function logCall(
  { db, context, ticketId, author, actor, now }: TicketCommand,
  summary: string,
): Promise<Outcome> {
  return onLockedTicket(db, ticketId, async (tx, ticket) => {
    const allowed = phoneCallAllowed(context.contract, ticket.planKey, ticket.priority);
    if (!allowed.ok) return refusal("channel_closed", allowed.clause);
    const updated = await appendToTimeline(
      tx,
      context.contract,
      ticket,
      author,
      [
        { type: "call_logged", visibility: "public", channel: "phone", body: summary },
        ...(ticket.status === "new"
          ? [
              {
                type: "status_changed" as const,
                visibility: "public" as const,
                channel: "phone" as const,
                data: { from: "new", to: "in_progress", reason: "answered" },
              },
            ]
          : []),
      ],
      ticket.status === "new" ? { status: "in_progress" } : {},
      now,
    );
    await auditTicket(tx, actor, ticket, "ticket.call_logged", {}, now);
    return { ok: true, ticket: updated };
  });
}
