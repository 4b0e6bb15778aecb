import { type Db, ticketEvents } from "@guichet/db";
import type { TicketChannel } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.js";
import {
  type AttachmentRefusal,
  attachFiles,
  type IncomingFile,
  validateAttachments,
} from "./attachments.js";
import { type DeskRefusal, refusal } from "./desk-refusal.js";
import { mailRequester } from "./ticket-mail.js";
import {
  appendToTimeline,
  lastMessageSeq,
  lockTicket,
  type NewTimelineEntry,
  type TicketCommand,
} from "./ticket-store.js";

export interface MessageInput {
  body: string;
  visibility: "public" | "internal";
  channel: TicketChannel;
  /** The Message-ID of the mail it came by: a mail delivered twice joins once. */
  messageId?: string | null;
  /** Validated and stored with the message, all or none. */
  files?: readonly IncomingFile[];
}

/**
 * A message on a ticket. From the customer it may move the ticket: an answer to a request for
 * information resumes it (DSN-SUP-03), a message on a resolved ticket reopens it (MCR-SUP-10),
 * a justification in a priority dispute waits for support's decision (MCR-SUP-12). From support,
 * a public answer is the response the SLA measures (MCR-SUP-06), takes a new ticket in hand and is
 * mailed to the requester. "Return on open ticket" (DSN-SUP-04) is a customer message.
 */
export async function postMessage(
  { db, context, ticketId, author, actor, now }: TicketCommand,
  input: MessageInput,
): Promise<{ ok: true; duplicate: boolean } | DeskRefusal | AttachmentRefusal | undefined> {
  const files = input.files ?? [];
  const refusedFile = validateAttachments(files);
  if (refusedFile) return refusedFile;
  return db.transaction(async (tx) => {
    const scoped = tx as unknown as Db;
    const ticket = await lockTicket(scoped, ticketId);
    if (!ticket) return undefined;
    if (ticket.status === "closed") return refusal("ticket_closed");
    if (author.side === "customer" && input.visibility === "internal")
      return refusal("internal_note_customer");
    if (input.messageId) {
      const [seen] = await scoped
        .select({ seq: ticketEvents.seq })
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.messageId, input.messageId)));
      if (seen) return { ok: true as const, duplicate: true };
    }

    const entries: NewTimelineEntry[] = [
      {
        type: "message",
        visibility: input.visibility,
        channel: input.channel,
        body: input.body,
        messageId: input.messageId,
      },
    ];
    const patch: Parameters<typeof appendToTimeline>[5] = {};
    const move = (to: "in_progress", reason: string) => {
      entries.push({
        type: "status_changed",
        visibility: "public",
        channel: input.channel,
        data: { from: ticket.status, to, reason },
      });
      patch.status = to;
      patch.holdReason = null;
      if (ticket.status === "resolved") patch.resolvedAt = null;
    };
    if (author.side === "customer") {
      if (ticket.status === "on_hold" && ticket.holdReason === "info_requested")
        move("in_progress", "info_provided");
      if (ticket.status === "resolved") move("in_progress", "reopened_by_reply");
    } else if (input.visibility === "public" && ticket.status === "new") {
      move("in_progress", "answered");
    }
    const updated = await appendToTimeline(scoped, context.contract, ticket, author, entries, patch, now);
    if (files.length > 0) {
      const eventSeq = await lastMessageSeq(scoped, ticket.id);
      await attachFiles(
        scoped,
        context,
        { ticketId: ticket.id, organisationId: ticket.organisationId, eventSeq },
        files,
        now,
      );
    }

    if (author.side === "provider" && input.visibility === "public") {
      await mailRequester(
        scoped,
        context,
        updated,
        "ticket_message",
        { author: author.label, message: input.body },
        null,
        now,
      );
    }
    await recordAudit(
      tx,
      actor,
      {
        action: input.visibility === "internal" ? "ticket.note_added" : "ticket.message_posted",
        organisationId: ticket.organisationId,
        targetType: "ticket",
        targetId: ticket.id,
        data: { reference: ticket.reference, channel: input.channel, status: updated.status },
      },
      now,
    );
    return { ok: true as const, duplicate: false };
  });
}
