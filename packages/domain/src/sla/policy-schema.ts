import { z } from "zod";
import { ZBusinessDays, ZSlaTarget } from "./target.js";

/**
 * The SLA part of a contract file, as written. Calendar names refer to the contract's
 * top-level `calendars` map (checked by the contract schema's cross-reference pass).
 * The SLA engine (clocks.ts) turns this, with compiled calendars, into running clocks.
 */

export const PRIORITIES = ["P1", "P2", "P3"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A clause id from REQUIREMENTS.md, e.g. "MCR-SUP-06". */
export const ZClauseId = z.string().regex(/^[A-Z]{2,4}(?:-[A-Z]{2,4})?-\d{2}$/, {
  message: 'expected a requirement id such as "MCR-SUP-06"',
});

/** One priority's target for one metric, measured on one named calendar. */
export const ZPriorityTarget = z
  .object({
    target: ZSlaTarget,
    calendar: z.string().min(1),
  })
  .strict();

/** One SLA metric (e.g. initial response, MTTI) for one plan: a target per priority. */
export const ZSlaMetric = z
  .object({
    clause: ZClauseId,
    P1: ZPriorityTarget,
    P2: ZPriorityTarget,
    P3: ZPriorityTarget,
  })
  .strict();

/** Metric ids the engine knows how to start and stop from a ticket's event log. */
export const SLA_METRIC_IDS = ["initialResponse", "resolution"] as const;
export type SlaMetricId = (typeof SLA_METRIC_IDS)[number];

export const ZPlanSla = z
  .object({
    initialResponse: ZSlaMetric.optional(),
    resolution: ZSlaMetric.optional(),
  })
  .strict();

/** How clocks behave, contract-wide. Defaults are the documented behaviour. */
export const ZClockPolicy = z
  .object({
    /** Ticket statuses during which every clock pauses (e.g. on_hold during a priority dispute, MCR-SUP-12). */
    pauseStatuses: z.array(z.enum(["new", "in_progress", "on_hold", "resolved"])).default(["on_hold"]),
    /**
     * What a priority change does. "keep-elapsed": the new priority's target counts from the
     * ticket's creation, elapsed business time kept (as the best engines do).
     */
    priorityChange: z.enum(["keep-elapsed", "restart"]).default("keep-elapsed"),
    /** Warning thresholds as percentages of the target's business time used. */
    warningThresholds: z.array(z.number().int().min(1).max(99)).default([75, 90]),
  })
  .strict();

export const ZAutoClose = z
  .object({
    after: ZBusinessDays,
    calendar: z.string().min(1),
    clause: ZClauseId,
  })
  .strict();

export type PlanSlaInput = z.input<typeof ZPlanSla>;
export type PlanSla = z.infer<typeof ZPlanSla>;
export type ClockPolicy = z.infer<typeof ZClockPolicy>;
export type AutoClose = z.infer<typeof ZAutoClose>;
