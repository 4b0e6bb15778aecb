import { z } from "zod";
import type { BusinessCalendar } from "../calendar/compile.js";
import {
  ESCALATION_CHANNELS,
  type EscalationChannel,
  type EscalationCondition,
  type Priority,
  type SlaMetricId,
  ZPriorityId,
} from "./policy-schema.js";
import type { SlaTarget } from "./target.js";

/**
 * The SLA engine's input and output. The engine is a pure function of (event log, policy, now):
 * nothing is stored between calls, so a corrected calendar or policy re-derives history.
 */

// ---------------------------------------------------------------------------------------------
// Event log

export const TICKET_STATUSES = ["new", "in_progress", "on_hold", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_EVENT_TYPES = [
  "created",
  "priority_changed",
  "status_changed",
  "agent_responded",
  "resolved",
  "reopened",
  "closed",
  "escalated",
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/**
 * One entry of a ticket's log, as the engine reads it.
 * - created: required once; carries the initial `priority` (required) and optionally `status`
 *   (default "new"). Events before it are ignored.
 * - priority_changed: carries `priority` (MCR-SUP-12: support raises or lowers it).
 * - status_changed: carries `status`; "resolved" and "closed" mean the same as the events below.
 * - agent_responded: a first agent reply stops the initial-response clock (later ones do not count).
 * - resolved / closed: set the status; they also stop the initial-response clock if still running,
 *   since a resolution answers the customer.
 * - reopened: back to `status` (default "in_progress"); the resolution clock resumes, and a
 *   pending auto-close is cancelled.
 * - escalated: the customer escalated the ticket by `channel`; a target that requires an
 *   escalation by that channel starts there (issue 23).
 * The log need not be sorted (it is sorted stably by `at`); events after `now` are ignored, so
 * evaluating at an earlier `now` replays the past.
 */
export interface TicketEvent {
  /** Epoch milliseconds. */
  at: number;
  type: TicketEventType;
  priority?: Priority;
  status?: TicketStatus;
  /** For "escalated": how the customer escalated. */
  channel?: EscalationChannel;
}

export const ZTicketEvent = z
  .object({
    at: z.number(),
    type: z.enum(TICKET_EVENT_TYPES),
    priority: ZPriorityId.optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    channel: z.enum(ESCALATION_CHANNELS).optional(),
  })
  .strict() satisfies z.ZodType<TicketEvent>;

// ---------------------------------------------------------------------------------------------
// Policy (built from a contract by buildSlaPolicy)

/** One priority's target, with its calendar already compiled. */
export interface PriorityTargetPolicy {
  target: SlaTarget;
  calendarName: string;
  calendar: BusinessCalendar;
  /** "Escalation required": the target runs only from the customer's escalation by this channel. */
  escalation: EscalationCondition | undefined;
}

export interface MetricPolicy {
  id: SlaMetricId;
  /** Requirement id cited in explanations, e.g. "MCR-SUP-06". */
  clause: string;
  targets: Readonly<Record<Priority, PriorityTargetPolicy>>;
}

export interface AutoClosePolicy {
  /** Business days after resolution without confirmation (MCR-SUP-10). */
  days: number;
  calendarName: string;
  calendar: BusinessCalendar;
  clause: string;
}

/** A plan's name for explanations: one string, or one per locale (a contract label). */
export type PlanName = string | Readonly<{ fr: string; en: string; de?: string; it?: string; nl?: string }>;

export interface SlaPolicy {
  /** Plan name for explanations, e.g. "Premium" or the contract's {fr, en} label. */
  plan: PlanName;
  metrics: readonly MetricPolicy[];
  /** Statuses during which every clock pauses (default on_hold, MCR-SUP-12). */
  pauseStatuses: ReadonlySet<TicketStatus>;
  priorityChange: "keep-elapsed" | "restart";
  /** Ascending percentages of the target's business time. */
  warningThresholds: readonly number[];
  autoClose: AutoClosePolicy | undefined;
}

// ---------------------------------------------------------------------------------------------
// Results

/**
 * running: counting now; paused: in a pause status; met: stopped within the target;
 * breached: business time elapsed strictly past the target (stopped late or still running);
 * closed time after a target used up on a closing breaches nothing (MCR-SUP-07);
 * none: the plan has no target for this priority ("none", e.g. Basic in MCR-SUP-06, or "best effort");
 * conditional: the target requires an escalation the customer has not made yet (issue 23).
 * For the auto-close deadline: running = waiting for the customer's confirmation,
 * met = closed before the deadline, breached = the deadline passed (the ticket is to be, or
 * was, closed automatically).
 */
export type ClockState = "running" | "paused" | "met" | "breached" | "none" | "conditional";

export interface WarningResult {
  /** Percentage of the target's business time. */
  threshold: number;
  /** When the threshold is or was reached; a projection while not reached; undefined once stopped short. */
  at: number | undefined;
  crossed: boolean;
}

export interface MetricResult {
  metric: SlaMetricId | "autoClose";
  clause: string;
  plan: PlanName;
  /** The priority whose target applies (the one in force when the clock stopped, or now). */
  priority: Priority;
  target: SlaTarget;
  /** The condition the target runs on, and when the customer met it (undefined: not yet). */
  escalation: (EscalationCondition & { at: number | undefined }) | undefined;
  /** The calendar's id in the contract ("business-hours"), as data and audits name it. */
  calendar: string;
  /** What the contract calls that calendar, per locale ("Heures Ouvrées"), if it names it. */
  calendarLabel: Readonly<{ fr: string; en: string; de?: string; it?: string; nl?: string }> | undefined;
  timeZone: string;
  state: ClockState;
  /** Clock start: creation, the last priority change under "restart", the resolution for auto-close. */
  startedAt: number;
  /** When the clock stopped (first response, resolution, closing), if it has. */
  stoppedAt: number | undefined;
  /**
   * When the target is (or was) used up. While paused it is a projection, the due instant if
   * the clock ran again now, so it moves while the pause lasts (dueIsProjection). Once stopped
   * short of the target it is the due instant as it stood at the stop. For an "N business days"
   * target it is never left on the closing where the minutes run out but given at the next
   * opening: without pauses, addBusinessDays(start, N) (MCR-SUP-07). A minutes target used up
   * on a closing is due at that closing.
   */
  dueAt: number | undefined;
  dueIsProjection: boolean;
  /**
   * When breached: the first open instant past the target in the running periods (the due
   * instant, the next opening when that is a closing, or a resumption after it).
   */
  breachedAt: number | undefined;
  /** Target in business minutes (business-day targets converted at the clock's start). */
  targetMinutes: number | undefined;
  elapsedMinutes: number;
  remainingMinutes: number | undefined;
  percentUsed: number | undefined;
  /** Business minutes during which the clock was paused. */
  pausedMinutes: number;
  warnings: readonly WarningResult[];
}

export interface SlaEvaluation {
  plan: PlanName;
  now: number;
  priority: Priority;
  status: TicketStatus;
  /** One result per metric the plan defines, in contract order. */
  metrics: readonly MetricResult[];
  /** Present while the ticket is, or was last, resolved and the contract has an auto-close rule. */
  autoClose: MetricResult | undefined;
  /** True when the ticket is resolved and its auto-close instant has come: close it (MCR-SUP-10). */
  autoCloseDue: boolean;
}
