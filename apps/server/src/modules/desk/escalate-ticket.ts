import type { TicketChannel } from "@guichet/domain";
import { decideEscalation, type EscalationChannel } from "@guichet/domain";
import { refusal } from "./desk-refusal.js";
import { auditTicket, type MoveOutcome, onLockedTicket } from "./support-moves.js";
import { appendToTimeline, type TicketCommand } from "./ticket-store.js";

/**
 * The customer escalates a ticket whose target requires it (issue 23: "escalation required"): by
 * the portal itself, or by phone or e-mail, which support records for it. The escalation joins the
 * timeline, and the targets that waited for it start there (the SLA engine reads it from the
 * timeline); once per channel.
 */
export async function escalateTicket(
  { db, context, ticketId, author, actor, now }: TicketCommand,
  channel: EscalationChannel,
  via: TicketChannel,
): Promise<MoveOutcome> {
  return onLockedTicket(db, ticketId, async (tx, ticket) => {
    const decision = decideEscalation(context.contract, ticket.planKey, ticket.priority, channel);
    if (!decision.ok) return refusal(decision.reason, decision.clause);
    const data = { escalation: channel, clause: decision.clause, metrics: decision.metrics.join(",") };
    const updated = await appendToTimeline(
      tx,
      context.contract,
      ticket,
      author,
      [{ type: "escalated", visibility: "public", channel: via, data }],
      {},
      now,
    );
    await auditTicket(tx, actor, ticket, "ticket.escalated", data, now);
    return { ok: true, ticket: updated };
  });
}
