import type { CalendarDuration, Term } from "../contract/duration.js";
import { addCalendarDuration } from "../time/add-duration.js";

/**
 * Scheduled maintenance (DSN-SUP-07): announced with dates, times and expected duration, with the
 * contract's notice, to the customers who hold the service. Pure rules; the caller reads the clock.
 */

/**
 * The e-service's own specific conditions, as far as the maintenance notice goes (DSN art. 14:
 * "un préavis indiqué dans les Conditions Spécifiques de chaque e-service").
 */
export interface NoticeConditions {
  /** Null: this version of the conditions states no maintenance notice. */
  maintenanceNoticeDays: number | null;
  documentTitle: string;
  documentVersion: string;
}

export interface MaintenanceNotice {
  /** Null: no notice is required, or none is stated (see `source`). */
  duration: CalendarDuration | null;
  /**
   * Where the notice comes from: the contract file's own figure ("none" included), the e-service's
   * specific conditions in force, or nowhere: the contract sends to the specific conditions and
   * none recorded for the e-service states one. Guichet then applies no notice rule and says so; it
   * never invents one (issue 14: the former 7-day default is gone).
   */
  source: "contract" | "specific-conditions" | "not-stated";
  /** The specific conditions read ("title version"), where they were. */
  document: string | null;
}

/**
 * The notice before a maintenance of one e-service (DSN-SUP-07): the contract's term, or, where the
 * contract sends to the specific conditions, the version in force for that e-service (the caller
 * finds it with conditionsInForce on the announcement's date).
 */
export function maintenanceNoticeOf(term: Term, conditions: NoticeConditions | null): MaintenanceNotice {
  switch (term.kind) {
    case "none":
      return { duration: null, source: "contract", document: null };
    case "duration":
      return {
        duration: { amount: term.amount, unit: term.unit, text: term.text },
        source: "contract",
        document: null,
      };
    case "elsewhere": {
      const days = conditions?.maintenanceNoticeDays;
      if (!conditions || days === null || days === undefined)
        return {
          duration: null,
          source: "not-stated",
          document: conditions ? `${conditions.documentTitle} ${conditions.documentVersion}` : null,
        };
      return {
        // 0 days: the conditions ask for no notice.
        duration: days > 0 ? { amount: days, unit: "days", text: `${days} days` } : null,
        source: "specific-conditions",
        document: `${conditions.documentTitle} ${conditions.documentVersion}`,
      };
    }
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
