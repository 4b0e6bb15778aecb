import type { CalendarDuration, Term } from "../contract/duration.js";
import { addCalendarDuration } from "../time/add-duration.js";

/**
 * Scheduled maintenance (DSN-SUP-07): announced with dates, times and expected duration, with the
 * contract's notice, to the customers who hold the service. Pure rules; the caller reads the clock.
 */

/**
 * The notice used when the contract points to a document Guichet does not hold: DSN art. 14 says
 * the notice is "indiqué dans les Conditions Spécifiques de chaque e-service", and no shipped
 * catalogue item carries it. Interpretation: one calendar week, long enough for an operator to
 * warn its own customers; a deployment that knows the real figure writes it as
 * `ticketWorkflow.maintenance.notice` (e.g. "10 days").
 */
export const DEFAULT_MAINTENANCE_NOTICE: CalendarDuration = { amount: 7, unit: "days", text: "7 days" };

export interface MaintenanceNotice {
  /** Null: no notice is required ("none"). */
  duration: CalendarDuration | null;
  /** The contract's own figure, or Guichet's default where the contract refers elsewhere. */
  source: "contract" | "default";
}

export function maintenanceNoticeOf(term: Term): MaintenanceNotice {
  switch (term.kind) {
    case "none":
      return { duration: null, source: "contract" };
    case "duration":
      return { duration: { amount: term.amount, unit: term.unit, text: term.text }, source: "contract" };
    case "elsewhere":
      return { duration: DEFAULT_MAINTENANCE_NOTICE, source: "default" };
  }
}

export interface MaintenancePlan {
  announcedAt: Date;
  startsAt: Date;
  endsAt: Date;
  expectedMinutes: number;
}

export type MaintenanceDecision =
  | { ok: true; earliestStart: Date }
  | { ok: false; reason: "ends_before_start"; clause: string }
  | { ok: false; reason: "duration_exceeds_window"; clause: string; windowMinutes: number }
  | { ok: false; reason: "notice_too_short"; clause: string; earliestStart: Date };

/**
 * A plan is valid when it ends after it starts, its expected duration fits in it, and it starts no
 * earlier than the announcement plus the notice, counted in the provider's time zone (a week across
 * a clock change keeps the wall time).
 */
export function checkMaintenancePlan(
  plan: MaintenancePlan,
  notice: MaintenanceNotice,
  timeZone: string,
  clause: string,
): MaintenanceDecision {
  if (plan.endsAt.getTime() <= plan.startsAt.getTime())
    return { ok: false, reason: "ends_before_start", clause };
  const windowMinutes = Math.floor((plan.endsAt.getTime() - plan.startsAt.getTime()) / 60_000);
  if (plan.expectedMinutes > windowMinutes)
    return { ok: false, reason: "duration_exceeds_window", clause, windowMinutes };
  const earliestStart = notice.duration
    ? addCalendarDuration(plan.announcedAt, notice.duration, timeZone)
    : plan.announcedAt;
  if (plan.startsAt.getTime() < earliestStart.getTime())
    return { ok: false, reason: "notice_too_short", clause, earliestStart };
  return { ok: true, earliestStart };
}

/**
 * Whether a subscription is held on some day between two local dates ("YYYY-MM-DD", inclusive):
 * a customer whose subscription starts during the maintenance is concerned by it too.
 */
export function heldDuring(
  subscription: { startsOn: string; endsOn: string | null },
  from: string,
  to: string,
): boolean {
  return subscription.startsOn <= to && (subscription.endsOn === null || subscription.endsOn >= from);
}
