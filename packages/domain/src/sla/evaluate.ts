import { type ClockOutcome, runClock } from "./clock.js";
import { SlaError } from "./errors.js";
import { isNoTarget } from "./target.js";
import { buildTimeline, lastChangeAt, priorityAt, type Timeline } from "./timeline.js";
import type {
  AutoClosePolicy,
  MetricPolicy,
  MetricResult,
  SlaEvaluation,
  SlaPolicy,
  TicketEvent,
  TicketStatus,
} from "./types.js";

/**
 * SLA state of a ticket: a pure function of (log, policy, now), re-derived on every call.
 *
 * Rules (the contract's ClockPolicy chooses the first three):
 * - a clock runs from the ticket's creation while its status is not a pause status (default
 *   on_hold, MCR-SUP-12) and not resolved/closed; initial response stops at the first agent
 *   reply (or resolution), resolution stops at resolved/closed and resumes on reopening;
 * - priority change "keep-elapsed" (default): the clock is measured as if the ticket had had the
 *   new priority since creation: the new priority's target and calendar, over the same running
 *   periods (elapsed business time and pauses kept). "restart": the clock starts again at the
 *   change. A change after the clock stopped does not touch it;
 * - warnings at percentages of the target's business time;
 * - "N business days" targets become business minutes at the clock's start,
 *   minutesBetween(start, addBusinessDays(start, N)), then count like any minutes target, so a
 *   pause of 2 business hours moves the due instant by 2 business hours; their due instant is
 *   reported on an opening, not a closing, so without pauses it is addBusinessDays(start, N)
 *   (MCR-SUP-07: from Saturday, "1 business day" is due Tuesday 09:00, not Monday 19:00);
 * - state in business time (MCR-SUP-07): breached iff the business time elapsed strictly exceeds
 *   the target, at the first open instant past it; met iff the clock stopped within it (a reply
 *   in closed time after a target used up on a closing is met);
 * - auto-close (MCR-SUP-10): addBusinessDays(resolution, N) on its calendar; a reopening cancels it.
 */

const MINUTE_MS = 60_000;
const DONE: ReadonlySet<TicketStatus> = new Set(["resolved", "closed"]);

function evaluateMetric(t: Timeline, policy: SlaPolicy, metric: MetricPolicy): MetricResult {
  const stoppedAt = metric.id === "initialResponse" ? t.firstResponseAt : t.doneSince;
  const end = stoppedAt ?? t.now;
  const priority = priorityAt(t, end);
  const rule = metric.targets[priority];
  if (!rule) throw new SlaError("unknown_priority", `${metric.id}: no target for priority "${priority}"`);
  const cal = rule.calendar;
  // "Escalation required" (issue 23): the clock starts at the customer's first escalation by the
  // stated channel; until one comes before the clock's end, no target runs.
  const condition = rule.escalation;
  const escalatedAt = condition
    ? t.escalations.find((e) => e.channel === condition.channel && e.at <= end)?.at
    : undefined;
  const waiting = condition !== undefined && escalatedAt === undefined;
  const from = policy.priorityChange === "restart" ? lastChangeAt(t, end) : t.createdAt;
  const startedAt = escalatedAt === undefined ? from : Math.max(from, escalatedAt);

  // Running periods (merged where statuses change without pausing) and paused business time.
  const periods: number[] = [];
  let pausedMs = 0;
  for (const s of t.segments) {
    const from = Math.max(s.from, startedAt);
    const to = Math.min(s.to, end);
    if (from >= to || DONE.has(s.status)) continue;
    if (policy.pauseStatuses.has(s.status)) {
      pausedMs += Math.round(cal.minutesBetween(from, to) * MINUTE_MS);
    } else if (periods.length > 0 && periods[periods.length - 1] === from) {
      periods[periods.length - 1] = to;
    } else {
      periods.push(from, to);
    }
  }

  const stopped = stoppedAt !== undefined;
  const paused = !stopped && policy.pauseStatuses.has(t.status);
  let clock: ClockOutcome | undefined;
  let target: number | undefined;
  let elapsedMs = 0;
  if (isNoTarget(rule.target) || waiting) {
    for (let i = 0; i < periods.length; i += 2) {
      elapsedMs += Math.round(cal.minutesBetween(periods[i] as number, periods[i + 1] as number) * MINUTE_MS);
    }
  } else {
    // Business days: converted at the clock's start; the contract's reading of the due instant is
    // kept for reporting it (MCR-SUP-07, see ClockRun.businessDaysDue).
    let businessDaysDue: number | undefined;
    if (rule.target.kind === "businessDays") {
      businessDaysDue = cal.addBusinessDays(startedAt, rule.target.days);
      target = Math.round(cal.minutesBetween(startedAt, businessDaysDue) * MINUTE_MS);
    } else if (rule.target.kind === "nextBusinessDay") {
      // Due at the next business day's opening, or by its end (issue 23), reported there.
      const day = cal.nextBusinessDay(startedAt);
      businessDaysDue = rule.target.by === "opening" ? day.opens : day.closes;
      target = Math.round(cal.minutesBetween(startedAt, businessDaysDue) * MINUTE_MS);
    } else {
      target = rule.target.minutes * MINUTE_MS;
    }
    clock = runClock({
      calendar: cal,
      periods,
      targetMs: target,
      thresholds: policy.warningThresholds,
      projectFrom: end,
      stopped,
      businessDaysDue,
    });
    elapsedMs = clock.elapsedMs;
  }
  // One object literal with a fixed shape: spreading a partial result here was, in profiles, the
  // main cost of an evaluation.
  return {
    metric: metric.id,
    clause: metric.clause,
    plan: policy.plan,
    priority,
    target: rule.target,
    escalation: condition ? { ...condition, at: escalatedAt } : undefined,
    calendar: rule.calendarName,
    calendarLabel: cal.spec.label,
    timeZone: cal.timeZone,
    state: waiting
      ? "conditional"
      : !clock
        ? "none"
        : clock.breachedAt !== undefined
          ? "breached"
          : stopped
            ? "met"
            : paused
              ? "paused"
              : "running",
    startedAt,
    stoppedAt,
    dueAt: clock?.dueAt,
    dueIsProjection: clock !== undefined && paused && !clock.dueReached,
    breachedAt: clock?.breachedAt,
    targetMinutes: target === undefined ? undefined : target / MINUTE_MS,
    elapsedMinutes: elapsedMs / MINUTE_MS,
    remainingMinutes: target === undefined ? undefined : Math.max(0, target - elapsedMs) / MINUTE_MS,
    percentUsed: target === undefined ? undefined : (elapsedMs / target) * 100,
    pausedMinutes: pausedMs / MINUTE_MS,
    warnings: clock?.warnings ?? [],
  };
}

function evaluateAutoClose(
  t: Timeline,
  policy: SlaPolicy,
  rule: AutoClosePolicy,
  resolvedAt: number,
): MetricResult {
  const cal = rule.calendar;
  const dueAt = cal.addBusinessDays(resolvedAt, rule.days);
  const end = t.closedAt ?? t.now;
  const targetMinutes = cal.minutesBetween(resolvedAt, dueAt);
  const elapsedMinutes = cal.minutesBetween(resolvedAt, end);
  const passed = end >= dueAt;
  return {
    metric: "autoClose",
    clause: rule.clause,
    plan: policy.plan,
    priority: priorityAt(t, end),
    target: { kind: "businessDays", days: rule.days, text: `${rule.days} business days` },
    escalation: undefined,
    calendar: rule.calendarName,
    calendarLabel: cal.spec.label,
    timeZone: cal.timeZone,
    // Closing is what this clock waits for: once closed it is done, whoever closed it and when;
    // it is overdue ("breached") only while a resolved ticket waits past its deadline.
    state: t.closedAt !== undefined ? "met" : passed ? "breached" : "running",
    startedAt: resolvedAt,
    stoppedAt: t.closedAt,
    dueAt,
    dueIsProjection: false,
    breachedAt: passed ? dueAt : undefined,
    targetMinutes,
    elapsedMinutes,
    remainingMinutes: Math.max(0, targetMinutes - elapsedMinutes),
    percentUsed: targetMinutes > 0 ? (elapsedMinutes / targetMinutes) * 100 : 100,
    pausedMinutes: 0,
    warnings: [],
  };
}

/** Every SLA metric of the plan, and the auto-close deadline, for one ticket at `now`. */
export function evaluateSla(log: readonly TicketEvent[], policy: SlaPolicy, now: number): SlaEvaluation {
  const t = buildTimeline(log, now);
  const metrics: MetricResult[] = [];
  for (const m of policy.metrics) metrics.push(evaluateMetric(t, policy, m));
  const autoClose =
    policy.autoClose && t.resolvedAt !== undefined
      ? evaluateAutoClose(t, policy, policy.autoClose, t.resolvedAt)
      : undefined;
  return {
    plan: policy.plan,
    now,
    priority: priorityAt(t, now),
    status: t.status,
    metrics,
    autoClose,
    autoCloseDue: t.status === "resolved" && autoClose !== undefined && now >= (autoClose.dueAt as number),
  };
}
