import type { Priority } from "../sla/policy-schema.js";
import type { ClockState } from "../sla/types.js";
import { nearestRankPercentile } from "./percentile.js";

/**
 * A month's initial-response figures per priority (MCR-SUP-06), from each ticket's clock evaluated
 * at report time. Tickets that say nothing about the provider's responsiveness are left out and
 * counted by reason, so the figures can be reconciled with the ticket list.
 */

/**
 * Why a ticket is left out, checked in this order (a ticket is counted under its first reason):
 * - maintenance: opened during a scheduled maintenance of its service, which is not an incident
 *   (DSN-SUP-07), where the contract says so;
 * - outOfScope: closed at once as outside the support scope, never handled (MCR-SUP-11);
 * - slaNotApplicable: a category without SLA, e.g. billing questions (MCR-SUP-08);
 * - noTarget: the plan sets no target for its priority, e.g. Basic (MCR-SUP-06 "none"), DSN-SUP-06,
 *   "best effort", or one that requires an escalation which has not come (issue 23).
 */
export const REPORT_EXCLUSIONS = ["maintenance", "outOfScope", "slaNotApplicable", "noTarget"] as const;
export type ReportExclusion = (typeof REPORT_EXCLUSIONS)[number];

export interface ReportTicket {
  /** The priority whose target applies (the clock's), else the ticket's. */
  priority: Priority;
  inMaintenance: boolean;
  outOfScope: boolean;
  slaApplies: boolean;
  /** The initial-response clock at report time; undefined when none runs for the ticket. */
  initialResponse: { state: ClockState; elapsedMinutes: number; stoppedAt: number | undefined } | undefined;
}

export interface ResponseFigures {
  /** Tickets counted: met + breached + running. */
  counted: number;
  /** Answered within the target. */
  met: number;
  /** Answered late, or still unanswered past the target. */
  breached: number;
  /** Unanswered and still within the target (paused clocks included). */
  running: number;
  /** Tickets whose first response came (met, or breached and answered): the times below are theirs. */
  answered: number;
  /** Nearest-rank median of the answered tickets' initial response, in business minutes. */
  medianMinutes: number | null;
  /** Nearest-rank 90th percentile of the same. */
  p90Minutes: number | null;
  excluded: Record<ReportExclusion, number>;
}

export function exclusionOf(ticket: ReportTicket, maintenanceIsExcluded: boolean): ReportExclusion | null {
  if (ticket.inMaintenance && maintenanceIsExcluded) return "maintenance";
  if (ticket.outOfScope) return "outOfScope";
  if (!ticket.slaApplies) return "slaNotApplicable";
  // "conditional": no target runs until the customer escalates (issue 23).
  const state = ticket.initialResponse?.state;
  if (state === undefined || state === "none" || state === "conditional") return "noTarget";
  return null;
}

function figuresOf(tickets: readonly ReportTicket[], maintenanceIsExcluded: boolean): ResponseFigures {
  const excluded = Object.fromEntries(REPORT_EXCLUSIONS.map((r) => [r, 0])) as Record<
    ReportExclusion,
    number
  >;
  const figures = { counted: 0, met: 0, breached: 0, running: 0 };
  const answeredMinutes: number[] = [];
  for (const ticket of tickets) {
    const reason = exclusionOf(ticket, maintenanceIsExcluded);
    const clock = ticket.initialResponse;
    if (reason || !clock) {
      excluded[reason ?? "noTarget"] += 1;
      continue;
    }
    figures.counted += 1;
    if (clock.state === "met") figures.met += 1;
    else if (clock.state === "breached") figures.breached += 1;
    else figures.running += 1;
    if (clock.stoppedAt !== undefined) answeredMinutes.push(clock.elapsedMinutes);
  }
  return {
    ...figures,
    answered: answeredMinutes.length,
    medianMinutes: nearestRankPercentile(answeredMinutes, 50),
    p90Minutes: nearestRankPercentile(answeredMinutes, 90),
    excluded,
  };
}

/**
 * The figures of each of the contract's priorities (`priorities`, in its order), and of all of them
 * together (percentiles over all answered tickets).
 */
export function slaReportFigures(
  tickets: readonly ReportTicket[],
  maintenanceIsExcluded: boolean,
  priorities: readonly Priority[],
): { priorities: ({ priority: Priority } & ResponseFigures)[]; total: ResponseFigures } {
  return {
    priorities: priorities.map((priority) => ({
      priority,
      ...figuresOf(
        tickets.filter((t) => t.priority === priority),
        maintenanceIsExcluded,
      ),
    })),
    total: figuresOf(tickets, maintenanceIsExcluded),
  };
}
