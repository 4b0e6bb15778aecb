import { z } from "zod";
import { ZBusinessDays, ZSlaTarget } from "./target.js";

/**
 * The SLA part of a contract file, as written. Calendar names refer to the contract's
 * top-level `calendars` map (checked by the contract schema's cross-reference pass).
 * buildSlaPolicy (policy.ts) turns this, with compiled calendars, into the SLA engine's input
 * (evaluate.ts).
 */

/**
 * A priority's id as the contract writes it ("P1", "P5", "critical"). The levels are the
 * contract's (priorities.levels, in order of urgency): no code knows how many there are.
 */
export const ZPriorityId = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,15}$/, {
  message: 'expected a priority id such as "P1"',
});
export type Priority = string;

/** A clause id from REQUIREMENTS.md, e.g. "MCR-SUP-06". */
export const ZClauseId = z.string().regex(/^[A-Z]{2,4}(?:-[A-Z]{2,4})?-\d{2}$/, {
  message: 'expected a requirement id such as "MCR-SUP-06"',
});

/** The ways a customer escalates a ticket, where a target requires it (issue 23). */
export const ESCALATION_CHANNELS = ["phone", "email", "portal"] as const;
export type EscalationChannel = (typeof ESCALATION_CHANNELS)[number];

/**
 * "Escalation required": the target runs only once the customer escalates the ticket by the
 * stated channel (a call to the hotline, a mail, the portal's button); until then no clock runs
 * and the explanation says what would start it.
 */
export const ZEscalationCondition = z.strictObject({
  channel: z.enum(ESCALATION_CHANNELS),
  clause: ZClauseId,
});
export type EscalationCondition = z.infer<typeof ZEscalationCondition>;

/** One priority's target for one metric, measured on one named calendar, perhaps on a condition. */
export const ZPriorityTarget = z
  .object({
    target: ZSlaTarget,
    calendar: z.string().min(1),
    /** Absent: the target runs from the ticket's creation. */
    escalation: ZEscalationCondition.optional(),
  })
  .strict();

/**
 * One SLA metric (e.g. initial response, MTTI) for one plan: its clause and a target per priority
 * of the contract, keyed by the priority's id (`P1: {...}`). The cross-reference pass checks that
 * every key is a priority of priorities.levels and every priority has a target.
 */
export const ZSlaMetric = z
  .object({ clause: ZClauseId })
  .catchall(ZPriorityTarget)
  .transform(({ clause, ...targets }) => ({ clause, targets }));

/** A metric as a test or a tool writes it: its clause and a target per priority id. */
export type SlaMetricInput = { clause: string } & Record<
  string,
  { target: string; calendar: string; escalation?: EscalationCondition } | string
>;

/**
 * Metric ids the engine knows how to start and stop from a ticket's event log. Both start at
 * the ticket's creation. initialResponse (MTTI, MCR-SUP-06) stops at the first agent reply, or
 * the resolution if none came first. resolution stops while the ticket is resolved or closed and
 * resumes on reopening. "N business days" targets become business minutes at the clock's start
 * (see target.ts). A plan may define neither (DSN has no numeric target).
 */
export const SLA_METRIC_IDS = ["initialResponse", "resolution"] as const;
export type SlaMetricId = (typeof SLA_METRIC_IDS)[number];

export const ZPlanSla = z
  .object({
    initialResponse: ZSlaMetric.optional(),
    resolution: ZSlaMetric.optional(),
  })
  .strict();

/**
 * How clocks behave, contract-wide. Defaults are the documented behaviour; the engine
 * (evaluate.ts) re-derives every clock from the ticket's log on each call, so changing a setting
 * re-derives history too.
 */
export const ZClockPolicy = z
  .object({
    /**
     * Ticket statuses during which every clock pauses: no business time counts, and the due
     * instant moves later by the business time spent paused (default on_hold: the ticket waits
     * for the customer during a priority dispute, MCR-SUP-12). Resolved and closed always stop
     * the clocks that end there; they need not be listed.
     */
    pauseStatuses: z.array(z.enum(["new", "in_progress", "on_hold", "resolved"])).default(["on_hold"]),
    /**
     * What a priority change does to a running clock.
     * - "keep-elapsed" (default): the new priority's target counts from the ticket's creation,
     *   measured on the new priority's calendar over the same running periods: elapsed business
     *   time and pauses are kept, nothing is lost or counted twice (as the best engines do).
     * - "restart": the clock starts again at the change, with nothing elapsed.
     * A change after a clock stopped (first response given, ticket resolved) does not touch it.
     */
    priorityChange: z.enum(["keep-elapsed", "restart"]).default("keep-elapsed"),
    /**
     * Warning thresholds as percentages of the target's business time. The engine reports, for
     * each, whether it was crossed and when: the instant the clock's business time reached it,
     * found with addMinutes, so on a business-hours calendar a warning lands within open hours
     * (or on a closing), never at midnight.
     */
    warningThresholds: z.array(z.number().int().min(1).max(99)).default([75, 90]),
  })
  .strict();

/**
 * Auto-close of a resolved ticket without the customer's confirmation (MCR-SUP-10):
 * calendar.addBusinessDays(resolution, after). A reopening cancels it; the next resolution
 * starts it again.
 */
export const ZAutoClose = z
  .object({
    after: ZBusinessDays,
    calendar: z.string().min(1),
    clause: ZClauseId,
  })
  .strict();

/** A plan's SLA as written (a metric's keys are its clause and the contract's priority ids). */
export type PlanSlaInput = Partial<Record<SlaMetricId, SlaMetricInput>>;
export type PlanSla = z.infer<typeof ZPlanSla>;
export type ClockPolicy = z.infer<typeof ZClockPolicy>;
export type AutoClose = z.infer<typeof ZAutoClose>;
