import { z } from "zod";
import { ZClauseId, ZPlanSla, ZPriorityId } from "../sla/policy-schema.js";
import { ZTerm } from "./duration.js";
import { ZEmailAddress, ZKey, ZLabel, ZLimit, ZRegexSource } from "./primitives.js";

/**
 * Priorities and support plans: what a customer's plan gives it (SLA targets, channels,
 * named contacts, scope), what it commits to, and what it costs (a reference to `prices`).
 */

const ZPriorityLevel = z.strictObject({ label: ZLabel, definition: ZLabel });

/**
 * The priority matrix (MCR-SUP-05): the contract's own levels, as many as it has, most urgent
 * first (the file's order is the order the desk, the matrix and the reports show). Every plan's
 * SLA gives a target for each of these.
 */
export const ZPriorities = z.strictObject({
  clause: ZClauseId,
  /** Priority of a new ticket whose author gives none: one of `levels`. */
  default: ZPriorityId,
  levels: z
    .record(ZPriorityId, ZPriorityLevel)
    .refine((levels) => Object.keys(levels).length > 0, { message: "expected at least one priority" }),
});

/**
 * Whether tickets are taken by e-mail (MCR-SUP-03, DSN-SUP-08):
 * - "never": e-mail creates no ticket (replies on an existing ticket still join it, see ticketWorkflow.emailReplies);
 * - "always": an e-mail from an allowed sender creates a ticket;
 * - "when-portal-unavailable": only while the provider has declared the portal unavailable.
 */
export const EMAIL_ACCEPT = ["never", "always", "when-portal-unavailable"] as const;

export const ZEmailChannel = z.strictObject({
  accept: z.enum(EMAIL_ACCEPT),
  /** The address to write to; absent: the deployment's configured support mailbox. */
  address: ZEmailAddress.optional(),
  /** Who may create a ticket by e-mail (MCR-SUP-09: the account administrator's e-mail). */
  senderMustBe: z.enum(["account-administrator", "named-contact", "identifier-holder"]).optional(),
  /** The subject an e-mail ticket must have; named groups `customerRef` and `summary` are kept. */
  subjectPattern: ZRegexSource.optional(),
  clause: ZClauseId,
});

export const ZPhoneChannel = z.strictObject({
  /** Priorities for which the phone line may be used. */
  priorities: z.array(ZPriorityId).min(1),
  /** A call is accepted only about a ticket that already exists. */
  requiresExistingTicket: z.boolean(),
  clause: ZClauseId,
});

export const ZChannels = z.strictObject({
  /** Tickets opened in the portal (received 24/7 in both shipped contracts). */
  portal: z.boolean(),
  /** Absent: the offer has no e-mail channel (as "never": replies may still join, ticketWorkflow.emailReplies). */
  email: ZEmailChannel.optional(),
  /** Absent: no phone line for this plan. */
  phone: ZPhoneChannel.optional(),
  clause: ZClauseId,
});

/**
 * Who may open tickets (MCR-SUP-04). A plan without `namedContacts` has none: any user the
 * customer gave the ticket right may open tickets within the plan's scope.
 */
export const ZNamedContacts = z.strictObject({
  /** Named contacts for a single-tenant support offer. */
  limit: ZLimit,
  /** Absent: the plan is not offered as multi-tenant support. */
  multiTenantLimit: ZLimit.optional(),
  clause: ZClauseId,
});

export const ZPlanScope = z.strictObject({
  /** Ticket categories (ticketWorkflow.categories) the plan covers; others are out of scope. */
  categories: z.array(ZKey).min(1),
  /** Catalogue items a ticket may be about; absent: any. */
  catalogueItems: z.array(ZKey).min(1).optional(),
  /** A ticket may only be about an item the customer subscribes to (DSN-SUP-01). */
  subscribedItemsOnly: z.boolean().default(false),
  clause: ZClauseId,
});

export const ZPlanCommitment = z.strictObject({
  /** Minimum subscription, counted from the plan's effective date. */
  minimum: ZTerm,
  /**
   * "up-only": during the minimum commitment the plan can only move to a higher rank, which
   * starts the new plan's own minimum commitment (MCR-SUP-02). "any": no restriction.
   */
  changesDuringCommitment: z.enum(["any", "up-only"]),
  /** When a change of plan takes effect. */
  effective: z.enum(["immediately", "first-day-of-next-month"]),
  clause: ZClauseId,
});

export const ZSupportPlan = z.strictObject({
  name: ZLabel,
  description: ZLabel.optional(),
  /** Order of the plans: a higher rank is a move "up" (MCR-SUP-02). */
  rank: z.int().min(0),
  sla: ZPlanSla,
  channels: ZChannels,
  namedContacts: ZNamedContacts.optional(),
  scope: ZPlanScope,
  commitment: ZPlanCommitment,
  /** Id of the plan's fee in `prices`. */
  fee: ZKey,
  clause: ZClauseId,
});

export type SupportPlan = z.infer<typeof ZSupportPlan>;
export type Priorities = z.infer<typeof ZPriorities>;
