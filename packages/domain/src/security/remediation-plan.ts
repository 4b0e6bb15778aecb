import { DateTime } from "luxon";
import type { CivilDate } from "../commitments/civil-date.js";
import type { CalendarDuration } from "../contract/duration.js";

/**
 * DSN-SEC-05 (DSN annex 2 §5): "En cas de non-conformité détectée par l'audit, l'Opérateur
 * s'engage à fournir, dans un délai de 10 jours à compter de la notification par le Fournisseur
 * de Services, un plan de remise en conformité."
 *
 * Reading (written in contracts/deux-sevres-eservices.yaml): calendar days, since the text writes
 * "jours" where it means calendar days and "Jours Ouvrés"/"Jours Ouvrables", its defined terms,
 * where it means working days (annex 4 "cinq Jours Ouvrés"). The delay runs from the
 * notification, not from the report's date; the day of the notification is not counted and the
 * plan is due by the end of the last day in the deployment's time zone (as French law counts a
 * "délai" in days: Code de procédure civile art. 641). No extension past a weekend or a holiday:
 * the contract gives none and the plan is filed in the portal, open every day.
 */
export interface RemediationPlanDue {
  /** The last day the plan may be filed on. */
  dueOn: CivilDate;
  /** The instant the plan is late: midnight at the end of `dueOn`, in the time zone. */
  dueAt: Date;
}

export function remediationPlanDue(
  notifiedAt: Date,
  within: CalendarDuration,
  timeZone: string,
): RemediationPlanDue {
  const notified = DateTime.fromJSDate(notifiedAt, { zone: timeZone });
  if (within.unit === "minutes" || within.unit === "hours") {
    // A delay in hours runs from the instant itself.
    const due = notified.plus({ [within.unit]: within.amount });
    return { dueOn: due.toISODate() ?? "", dueAt: due.toJSDate() };
  }
  const lastDay = notified.startOf("day").plus({ [within.unit]: within.amount });
  return { dueOn: lastDay.toISODate() ?? "", dueAt: lastDay.plus({ days: 1 }).startOf("day").toJSDate() };
}

export type RemediationPlanState = "not-required" | "due" | "overdue" | "filed" | "approved";

/** Where an audit's remediation plan stands at `now` (the overdue state staff see). */
export function remediationPlanState(
  audit: {
    nonConformity: boolean;
    planDueAt: Date | null;
    planFiledAt: Date | null;
    planApprovedAt: Date | null;
  },
  now: Date,
): RemediationPlanState {
  if (!audit.nonConformity || !audit.planDueAt) return "not-required";
  if (audit.planApprovedAt) return "approved";
  if (audit.planFiledAt) return "filed";
  return now.getTime() >= audit.planDueAt.getTime() ? "overdue" : "due";
}

/** Whether the reminder is due: from `before` ahead of the due instant, while the plan is not filed. */
export function remediationReminderDue(
  dueAt: Date,
  before: CalendarDuration,
  timeZone: string,
  now: Date,
): boolean {
  const from = DateTime.fromJSDate(dueAt, { zone: timeZone }).minus({ [before.unit]: before.amount });
  return now.getTime() >= from.toMillis() && now.getTime() < dueAt.getTime();
}
