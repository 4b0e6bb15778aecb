import { TICKET_ACTIONS, TICKET_CHANNELS, TIMELINE_EVENT_TYPES } from "@guichet/domain";
import { z } from "zod";
import { ZPriority, ZTicketStatus } from "../../http/api-schemas.js";
import { ZOutageView } from "../maintenance/present-outage.js";

// What the desk's routes answer (read-tickets.ts, desk-form.ts): the texts in them (labels,
// explanations, refusals) come already in the reader's language.

export const ZTicketAction = z.enum(TICKET_ACTIONS).meta({ id: "TicketAction" });
export const ZTicketChannel = z.enum(TICKET_CHANNELS).meta({ id: "TicketChannel" });

/** One SLA clock now (MCR-SUP-06, MCR-SUP-10), as lists show it. */
export const ZSlaClockState = z
  .object({
    metric: z.enum(["initialResponse", "resolution", "autoClose"]),
    // conditional: the target requires an escalation the customer has not made yet (issue 23).
    state: z.enum(["running", "paused", "met", "breached", "none", "conditional"]),
    priority: ZPriority,
    dueAt: z.string().nullable(),
    breachedAt: z.string().nullable(),
    elapsedMinutes: z.number(),
    /** Business minutes left on the clock's calendar. */
    remainingMinutes: z.number().nullable(),
    percentUsed: z.number().nullable(),
    clause: z.string(),
    /** "Escalation required" (issue 23): how the customer starts this target, and when it did. */
    escalation: z
      .object({
        channel: z.enum(["phone", "email", "portal"]),
        clause: z.string(),
        escalatedAt: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: "SlaClockState" });

/** A clock on the ticket's own page: with its explanation in words, citing the clause (GEN-02). */
export const ZSlaClock = ZSlaClockState.extend({ explanation: z.string() }).meta({ id: "SlaClock" });

const ZTicketHead = {
  id: z.string(),
  reference: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  title: z.string(),
  category: z.string(),
  catalogueItemId: z.string().nullable(),
  priority: ZPriority,
  status: ZTicketStatus,
  holdReason: z.enum(["info_requested", "priority_dispute"]).nullable(),
  channel: ZTicketChannel,
  customerReference: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  requesterName: z.string(),
  inMaintenance: z.boolean(),
  outOfScopeReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const ZTicketSummary = z
  .object({ ...ZTicketHead, sla: z.array(ZSlaClockState) })
  .meta({ id: "TicketSummary" });

export const ZTicketPage = z
  .object({ total: z.number(), items: z.array(ZTicketSummary) })
  .meta({ id: "TicketPage" });

export const ZTimelineEntry = z
  .object({
    seq: z.number(),
    at: z.string(),
    type: z.enum(TIMELINE_EVENT_TYPES),
    side: z.enum(["provider", "customer", "system"]),
    author: z.string(),
    channel: ZTicketChannel.nullable(),
    visibility: z.enum(["public", "internal"]),
    body: z.string().nullable(),
    /** Depends on the type: {from, to, reason, clause} for changes, {assignee} for assignments. */
    data: z.record(z.string(), z.unknown()),
    /** Files sent with a message, downloaded from /api/tickets/:id/attachments/:attachmentId. */
    attachments: z.array(
      z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() }),
    ),
  })
  .meta({ id: "TimelineEntry" });

/** A ticket's page: its timeline, its clocks explained, what the caller may do now. */
export const ZTicketView = z
  .object({
    ...ZTicketHead,
    sla: z.array(ZSlaClock),
    description: z.string(),
    /** The address given on deposit for requests for information (DSN-SUP-03); null: the requester's account address. */
    contactEmail: z.string().nullable(),
    planKey: z.string(),
    slaApplies: z.boolean(),
    /** What the caller may do now (the workflow decides; the portal only offers these). */
    actions: z.array(ZTicketAction),
    timeline: z.array(ZTimelineEntry),
  })
  .meta({ id: "Ticket" });

/** What the signed-in customer may open (MCR-SUP-04..06, MCR-SUP-08, DSN-SUP-01). */
export const ZDeskForm = z
  .object({
    plan: z.object({ key: z.string(), name: z.string() }),
    canOpen: z.boolean(),
    namedContactClause: z.string().nullable(),
    categories: z.array(z.object({ key: z.string(), label: z.string(), slaApplies: z.boolean() })),
    services: z.array(z.object({ id: z.string(), name: z.string(), subscribed: z.boolean() })),
    serviceRequired: z.boolean(),
    scopeClause: z.string(),
    priorities: z.array(
      z.object({
        key: ZPriority,
        label: z.string(),
        definition: z.string(),
        /** "< 30 min", "1 jour ouvré", "sans objectif"; null when the plan has no clock. */
        target: z.string().nullable(),
        calendar: z.string().nullable(),
      }),
    ),
    defaultPriority: ZPriority,
    prioritiesClause: z.string(),
    /** E-mail opens tickets for this plan right now (MCR-SUP-03, DSN-SUP-08). */
    emailAccepted: z.boolean(),
    /** An outage of the portal declared by the provider and under way now. */
    portalOutage: ZOutageView.nullable(),
    /**
     * Where a contact address may be given on the request, for the provider's requests for
     * information by e-mail (DSN-SUP-03): that clause; null where the contract mails none.
     */
    contactEmailClause: z.string().nullable(),
  })
  .meta({ id: "DeskForm" });
