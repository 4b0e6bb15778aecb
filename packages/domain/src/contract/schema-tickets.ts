import { z } from "zod";
import { ZClauseId } from "../sla/policy-schema.js";
import { ZCalendarDuration, ZTerm } from "./duration.js";
import { expecting, ZKey, ZLabel } from "./primitives.js";

/**
 * How tickets live: statuses and their labels, categories, closing, notifications, scope
 * refusals, priority disputes, scheduled maintenance. Deadlines themselves are in `sla`.
 */

const ZStatus = z.strictObject({ label: ZLabel, clause: ZClauseId });

/** Status ids are fixed (the SLA engine pauses on them); the contract gives their labels. */
export const ZStatuses = z.strictObject({
  new: ZStatus,
  in_progress: ZStatus,
  on_hold: ZStatus.optional(),
  resolved: ZStatus,
  closed: ZStatus,
});

export const ZTicketCategory = z.strictObject({
  label: ZLabel,
  /** Whether the plan's SLA targets run for tickets of this category. */
  slaApplies: z.boolean(),
  clause: ZClauseId,
});

export const ZClosing = z.strictObject({
  /**
   * "confirmation-or-auto-close": resolved, then closed when the customer confirms or by
   * sla.autoClose (MCR-SUP-10). "on-resolution": the resolution report closes the ticket.
   */
  mode: z.enum(["confirmation-or-auto-close", "on-resolution"]),
  clause: ZClauseId,
});

/** E-mails the desk sends on ticket events, each with the clause that asks for it. */
export const ZEmailNotifications = z.strictObject({
  created: ZClauseId.optional(),
  infoRequested: ZClauseId.optional(),
  statusChanged: ZClauseId.optional(),
  resolved: ZClauseId.optional(),
});

export const ZOutOfScope = z.strictObject({
  /** "close-with-reason": closed automatically, reason given (MCR-SUP-11); "refuse-at-deposit": not created. */
  action: z.enum(["close-with-reason", "refuse-at-deposit"]),
  reasons: z.record(ZKey, ZLabel),
  clause: ZClauseId,
});

export const ZPriorityDispute = z.strictObject({
  /** Status while the customer justifies its priority (clocks pause per sla.clockPolicy). */
  holdStatus: z.literal("on_hold"),
  directions: z.array(z.enum(["lower", "raise"])).min(1),
  /** Who decides in the end. */
  finalSay: z.literal("provider"),
  clause: ZClauseId,
});

export const ZMaintenance = z.strictObject({
  notice: ZTerm,
  channels: z.array(z.enum(["portal", "email"])).min(1),
  announces: z.array(z.enum(["dates", "times", "expected-durations"])).min(1),
  /** Scheduled maintenance is not an incident (DSN-SUP-07). */
  countsAsIncident: z.boolean(),
  clause: ZClauseId,
});

export const NAMED_CONTACT_FIELDS = [
  "lastName",
  "firstName",
  "function",
  "email",
  "phone",
  "availability",
] as const;

/** What a deployment calls its tickets: "demandes" (requests) or "signalisations" (reports). */
export const TICKET_VOCABULARIES = ["requests", "reports"] as const;
export type TicketVocabulary = (typeof TICKET_VOCABULARIES)[number];

export const ZTicketWorkflow = z.strictObject({
  /** Prefix of ticket numbers shown to customers, e.g. "MCR" in "MCR-000123". */
  referencePrefix: z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/, {
    error: expecting('expected 2 to 8 capital letters or digits such as "MCR"'),
  }),
  /**
   * What the portal and the desk's mails call a ticket: "demande" / "request" unless the contract
   * says "signalisation" / "report", as e-soutien's texts do (DSN-SUP-01).
   */
  vocabulary: z.enum(TICKET_VOCABULARIES).default("requests"),
  statuses: ZStatuses,
  categories: z.record(ZKey, ZTicketCategory),
  closing: ZClosing,
  emailNotifications: ZEmailNotifications,
  /** An e-mail answering a ticket joins it (MCR-SUP-03, DSN-SUP-03). */
  emailReplies: z.strictObject({ joinTicket: z.boolean(), clause: ZClauseId }),
  outOfScope: ZOutOfScope,
  priorityDispute: ZPriorityDispute.optional(),
  maintenance: ZMaintenance.optional(),
  /** What a named contact's record must hold (MCR-SUP-04). */
  namedContactFields: z
    .strictObject({ required: z.array(z.enum(NAMED_CONTACT_FIELDS)).min(1), clause: ZClauseId })
    .optional(),
  /** A support engineer invited into the customer's tenant loses the access by itself after this (MCR-ACC-05). */
  supportTenantAccess: z.strictObject({ expiresAfter: ZCalendarDuration, clause: ZClauseId }).optional(),
});

export type TicketWorkflow = z.infer<typeof ZTicketWorkflow>;
