import type { Db, Ticket } from "@guichet/db";
import { decideTransition, type Language, type TicketAction, type TicketChannel } from "@guichet/domain";
import type { Locale } from "../../i18n/index.js";
import { recordAudit } from "../audit/record-audit.js";
import { type DeskRefusal, refusal } from "./desk-refusal.js";
import { mailRequester } from "./ticket-mail.js";
import { evaluateTicketSla, timelineEventOf } from "./ticket-sla.js";
import { appendToTimeline, lockTicket, type TicketCommand, timelineOf } from "./ticket-store.js";

export interface StatusChangeInput {
  action: TicketAction;
  /** The message that goes with it: the information asked for, the resolution, the reason for closing. */
  message: string | null;
  /** For "close": a key of the contract's out-of-scope reasons (MCR-SUP-11). */
  outOfScopeReason?: string | null;
  channel: TicketChannel;
}

/** The mail each move back into handling sends the requester (MCR-SUP-10, statusChanged). */
const STATUS_MAILS: Partial<Record<TicketAction, "ticket_taken" | "ticket_resumed" | "ticket_reopened">> = {
  take: "ticket_taken",
  resume: "ticket_resumed",
  reopen: "ticket_reopened",
};

/**
 * Moves a ticket through its lifecycle (workflow.ts), with its reason on the timeline and the
 * mail the contract asks for: information requested (DSN-SUP-03), resolved with the auto-close
 * date (MCR-SUP-10) or the resolution report that closes it (DSN-SUP-05), closure with reason
 * (MCR-SUP-11).
 */
export async function changeStatus(
  { db, context, ticketId, author, actor, now }: TicketCommand,
  input: StatusChangeInput,
): Promise<{ ok: true; status: Ticket["status"] } | DeskRefusal | undefined> {
  const { contract } = context;
  const workflow = contract.ticketWorkflow;
  return db.transaction(async (tx) => {
    const scoped = tx as unknown as Db;
    const ticket = await lockTicket(scoped, ticketId);
    if (!ticket) return undefined;
    const side = author.side === "customer" ? "customer" : "provider";
    const decision = decideTransition(workflow, ticket.status, input.action, side);
    if (!decision.ok) return refusal("transition_forbidden", decision.clause, { status: ticket.status });
    const message = input.message?.trim() || null;
    if (!message && ["hold", "resolve", "close"].includes(input.action)) return refusal("reason_required");
    const reasonKey = input.outOfScopeReason ?? null;
    if (reasonKey && !Object.hasOwn(workflow.outOfScope?.reasons ?? {}, reasonKey)) {
      return refusal("unknown_out_of_scope_reason", undefined, { reason: reasonKey });
    }

    // Where the resolution report closes the ticket (DSN-SUP-05), resolving closes it.
    const closesOnResolution = input.action === "resolve" && workflow.closing.mode === "on-resolution";
    const to = closesOnResolution ? "closed" : decision.to;
    const data: Record<string, unknown> = { from: ticket.status, to, action: input.action };
    if (reasonKey) Object.assign(data, { reason: reasonKey, clause: workflow.outOfScope?.clause });
    const entries = [
      ...(message && input.action !== "close"
        ? [{ type: "message" as const, visibility: "public" as const, channel: input.channel, body: message }]
        : []),
      {
        type: "status_changed" as const,
        visibility: "public" as const,
        channel: input.channel,
        body: input.action === "close" ? message : null,
        data,
      },
    ];
    const updated = await appendToTimeline(
      scoped,
      contract,
      ticket,
      author,
      entries,
      {
        status: to,
        holdReason: to === "on_hold" ? "info_requested" : null,
        resolvedAt:
          to === "resolved" || closesOnResolution ? now : to === "in_progress" ? null : ticket.resolvedAt,
        closedAt: to === "closed" ? now : null,
      },
      now,
    );

    const notices = workflow.emailNotifications;
    const statusMail = STATUS_MAILS[input.action];
    if (input.action === "hold" && message) {
      const clause = notices.infoRequested ?? notices.statusChanged ?? null;
      await mailRequester(scoped, context, updated, "ticket_info_requested", { message }, clause, now);
    } else if (closesOnResolution && message) {
      await mailRequester(
        scoped,
        context,
        updated,
        "ticket_resolution_report",
        { message },
        notices.resolved ?? workflow.closing.clause,
        now,
      );
    } else if (input.action === "resolve" && message) {
      const sla = evaluateTicketSla(
        contract,
        updated,
        (await timelineOf(scoped, ticket.id)).map(timelineEventOf),
        now,
      );
      const autoCloseAt = new Date(sla.autoClose?.dueAt ?? now.getTime());
      await mailRequester(
        scoped,
        context,
        updated,
        "ticket_resolved",
        { message, autoCloseAt },
        notices.resolved ?? workflow.closing.clause,
        now,
      );
    } else if (statusMail && notices.statusChanged) {
      // MCR-SUP-10 (MCR 8.4): the customer is told each handling status, not only creation and
      // resolution (issue 14), where the contract asks for it.
      const label = workflow.statuses[to]?.label;
      await mailRequester(
        scoped,
        context,
        updated,
        statusMail,
        (locale: Locale, language: Language) => ({
          status: label?.[language] ?? label?.[locale] ?? to,
          message: message ? `\n\n${message}` : "",
        }),
        notices.statusChanged,
        now,
      );
    } else if (input.action === "close" && side === "provider") {
      const reasonText = (locale: Locale, language: Language) => ({
        reason: reasonKey
          ? (workflow.outOfScope?.reasons[reasonKey]?.[language] ??
            workflow.outOfScope?.reasons[reasonKey]?.[locale] ??
            reasonKey)
          : (message ?? ""),
      });
      await mailRequester(
        scoped,
        context,
        updated,
        "ticket_closed",
        reasonText,
        reasonKey ? (workflow.outOfScope?.clause ?? null) : null,
        now,
      );
    }
    await recordAudit(
      tx,
      actor,
      {
        action: `ticket.${input.action}`,
        organisationId: ticket.organisationId,
        targetType: "ticket",
        targetId: ticket.id,
        data: { reference: ticket.reference, from: ticket.status, to, reason: reasonKey },
      },
      now,
    );
    return { ok: true as const, status: updated.status };
  });
}
