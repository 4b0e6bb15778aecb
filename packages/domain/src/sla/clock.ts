import type { BusinessCalendar } from "../calendar/compile.js";

/**
 * A business clock over the periods during which it ran: elapsed business time, the instant the
 * target was (or will be) used up, the breach, and the instants warning levels are crossed.
 * Every level is found in business time (addMinutes from the start of the period in which it is
 * reached), so a warning lands while the calendar is open or on a closing, never at midnight
 * on a business-hours calendar.
 */

const MINUTE_MS = 60_000;

export interface ClockRun {
  calendar: BusinessCalendar;
  /** Running periods as flat pairs [from0, to0, from1, to1, …], ascending, disjoint, non-empty. */
  periods: readonly number[];
  targetMs: number;
  /** Ascending percentages below 100. */
  thresholds: readonly number[];
  /** Where projections of levels not yet reached start: now, or the stop when stopped. */
  projectFrom: number;
  /** A stopped clock projects its due instant but no warnings. */
  stopped: boolean;
}

export interface ClockOutcome {
  elapsedMs: number;
  dueAt: number;
  /** The target was used up within the periods (dueAt is then history, not a projection). */
  dueReached: boolean;
  breachedAt: number | undefined;
  warnings: { threshold: number; at: number | undefined; crossed: boolean }[];
}

const businessMs = (cal: BusinessCalendar, a: number, b: number): number =>
  Math.round(cal.minutesBetween(a, b) * MINUTE_MS);

// Hot path (100,000 tickets per second): no closures are created per call, since tsx, which runs
// Guichet, wraps each one in a naming helper that costs more than the calendar arithmetic.

export function runClock(run: ClockRun): ClockOutcome {
  const { calendar: cal, periods, targetMs, thresholds } = run;
  // Levels in business milliseconds: thresholds first, the target (100 %) last.
  const count = thresholds.length + 1;
  const levels = new Array<number>(count);
  const reachedAt = new Array<number | undefined>(count).fill(undefined);
  for (let k = 0; k < thresholds.length; k++)
    levels[k] = Math.round((targetMs * (thresholds[k] as number)) / 100);
  levels[count - 1] = targetMs;
  let next = 0;
  let duePeriod = -1;
  let cum = 0;
  for (let i = 0; i < periods.length; i += 2) {
    const from = periods[i] as number;
    const m = businessMs(cal, from, periods[i + 1] as number);
    while (next < count && cum + m >= (levels[next] as number)) {
      const rest = (levels[next] as number) - cum;
      // rest > 0 puts the instant inside (from, to]; a level equal to the previous one shares it.
      reachedAt[next] = rest > 0 ? cal.addMinutes(from, rest / MINUTE_MS) : (reachedAt[next - 1] ?? from);
      if (next === count - 1) duePeriod = i;
      next++;
    }
    cum += m;
  }

  // Levels not reached are projected from now (or the stop): the clock running on from there.
  const dueAt = reachedAt[count - 1] ?? cal.addMinutes(run.projectFrom, (targetMs - cum) / MINUTE_MS);
  let breachedAt: number | undefined;
  if (duePeriod >= 0) {
    // Breached once the clock runs past the due instant: on in the same period, or in a later one.
    if ((periods[duePeriod + 1] as number) > dueAt) breachedAt = dueAt;
    else if (duePeriod + 2 < periods.length) breachedAt = periods[duePeriod + 2] as number;
  }
  const warnings: ClockOutcome["warnings"] = [];
  for (let k = 0; k < thresholds.length; k++) {
    const at = reachedAt[k];
    const threshold = thresholds[k] as number;
    if (at !== undefined) warnings.push({ threshold, at, crossed: true });
    else {
      const projected = run.stopped
        ? undefined
        : cal.addMinutes(run.projectFrom, ((levels[k] as number) - cum) / MINUTE_MS);
      warnings.push({ threshold, at: projected, crossed: false });
    }
  }
  return { elapsedMs: cum, dueAt, dueReached: duePeriod >= 0, breachedAt, warnings };
}
