import type { Priority } from "../sla/policy-schema.js";
import type { SlaTarget } from "../sla/target.js";
import { exclusionOf, type ReportTicket } from "./sla-report.js";

/**
 * The mean initial response time per plan and priority (MCR-SUP-06: the MCR 8.2.1 table commits to
 * a "Temps de réponse moyen initial (MTTI)", a mean; issue 14), judged against the target on the
 * mean, beside the per-ticket clocks the report already counts.
 *
 * Which tickets make the mean: those the report counts (same exclusions) whose first response came,
 * and those still unanswered past their target, with the time elapsed so far: a lower bound of their
 * response time, so a late ticket weighs on the mean before it is answered rather than after. A
 * ticket still within its target is left out until answered (its time is not known yet).
 * A "N business days" target is converted to business minutes at each clock's start, so the target
 * compared is the mean of the tickets' targets (for a minutes target, the target itself).
 */
export interface MeanResponseTicket extends ReportTicket {
  plan: string;
  /** The clock's target and its business minutes (undefined: no target). */
  target: SlaTarget | undefined;
  targetMinutes: number | undefined;
}

export interface MeanResponse {
  plan: string;
  priority: Priority;
  /** Tickets the mean is taken over. */
  measured: number;
  meanMinutes: number | null;
  target: SlaTarget;
  targetMinutes: number | null;
  /** Met when the mean is within the target; null when no ticket is measured yet. */
  met: boolean | null;
}

export function meanResponseFigures(
  tickets: readonly MeanResponseTicket[],
  maintenanceIsExcluded: boolean,
  priorities: readonly Priority[],
): MeanResponse[] {
  const groups = new Map<string, { plan: string; priority: Priority; target: SlaTarget; rows: number[][] }>();
  for (const ticket of tickets) {
    const clock = ticket.initialResponse;
    if (exclusionOf(ticket, maintenanceIsExcluded) || !clock || !ticket.target) continue;
    if (ticket.targetMinutes === undefined) continue;
    const key = `${ticket.plan}\u0000${ticket.priority}`;
    const group = groups.get(key) ?? {
      plan: ticket.plan,
      priority: ticket.priority,
      target: ticket.target,
      rows: [],
    };
    groups.set(key, group);
    const answered = clock.stoppedAt !== undefined;
    if (answered || clock.state === "breached") group.rows.push([clock.elapsedMinutes, ticket.targetMinutes]);
  }
  const rank = (priority: Priority) => priorities.indexOf(priority);
  return [...groups.values()]
    .sort((a, b) => a.plan.localeCompare(b.plan) || rank(a.priority) - rank(b.priority))
    .map(({ plan, priority, target, rows }) => {
      const mean = (i: number) =>
        rows.length === 0 ? null : rows.reduce((sum, row) => sum + (row[i] ?? 0), 0) / rows.length;
      const meanMinutes = mean(0);
      const targetMinutes = mean(1);
      return {
        plan,
        priority,
        measured: rows.length,
        meanMinutes,
        target,
        targetMinutes,
        met: meanMinutes === null || targetMinutes === null ? null : meanMinutes <= targetMinutes,
      };
    });
}
