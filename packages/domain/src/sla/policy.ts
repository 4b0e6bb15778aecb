import type { z } from "zod";
import type { BusinessCalendar } from "../calendar/compile.js";
import { SlaError } from "./errors.js";
import {
  type AutoClose,
  type PlanSla,
  type Priority,
  SLA_METRIC_IDS,
  ZClockPolicy,
} from "./policy-schema.js";
import type {
  AutoClosePolicy,
  MetricPolicy,
  PlanName,
  PriorityTargetPolicy,
  SlaPolicy,
  TicketStatus,
} from "./types.js";

/**
 * Builds the SLA engine's input from a contract: one plan's SLA section, the contract-wide
 * clock policy, the optional auto-close rule, and the contract's compiled calendars.
 */

/** Calendar name → compiled calendar: a function, a Map or a plain record. */
export type CalendarResolver =
  | ((name: string) => BusinessCalendar | undefined)
  | ReadonlyMap<string, BusinessCalendar>
  | Readonly<Record<string, BusinessCalendar>>;

function resolverOf(calendars: CalendarResolver): (name: string) => BusinessCalendar | undefined {
  if (typeof calendars === "function") return calendars;
  if (calendars instanceof Map) return (name) => calendars.get(name);
  const record = calendars as Readonly<Record<string, BusinessCalendar>>;
  return (name) => (Object.hasOwn(record, name) ? record[name] : undefined);
}

/**
 * Throws SlaError("unknown_calendar") naming the contract path of a calendar the resolver does
 * not know. `clockPolicy` may be written or parsed (defaults are applied here). `planName` is
 * what explanations say: a string, or the contract's {fr, en} label.
 */
export function buildSlaPolicy(
  planSla: PlanSla,
  clockPolicy: z.input<typeof ZClockPolicy>,
  calendars: CalendarResolver,
  planName: PlanName,
  autoClose?: AutoClose,
): SlaPolicy {
  const resolve = resolverOf(calendars);
  const planPath = typeof planName === "string" ? planName : planName.en;
  const lookup = (name: string, path: string): BusinessCalendar => {
    const calendar = resolve(name);
    if (!calendar) throw new SlaError("unknown_calendar", `${path}: unknown calendar "${name}"`);
    return calendar;
  };

  const metrics: MetricPolicy[] = [];
  for (const id of SLA_METRIC_IDS) {
    const metric = planSla[id];
    if (!metric) continue;
    const targets: Record<Priority, PriorityTargetPolicy> = {};
    for (const [p, { target, calendar, escalation }] of Object.entries(metric.targets)) {
      targets[p] = {
        target,
        calendarName: calendar,
        escalation,
        calendar: lookup(calendar, `sla.${planPath}.${id}.${p}.calendar`),
      };
    }
    metrics.push({ id, clause: metric.clause, targets });
  }

  const clock = ZClockPolicy.parse(clockPolicy);
  let autoClosePolicy: AutoClosePolicy | undefined;
  if (autoClose) {
    autoClosePolicy = {
      days: autoClose.after,
      calendarName: autoClose.calendar,
      calendar: lookup(autoClose.calendar, "autoClose.calendar"),
      clause: autoClose.clause,
    };
  }
  return {
    plan: planName,
    metrics,
    pauseStatuses: new Set<TicketStatus>(clock.pauseStatuses),
    priorityChange: clock.priorityChange,
    warningThresholds: [...new Set(clock.warningThresholds)].sort((a, b) => a - b),
    autoClose: autoClosePolicy,
  };
}
