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

export function runClock(run: ClockRun): ClockOutcome {
  const { calendar: cal, periods, targetMs } = run;
  // Levels in business milliseconds: thresholds first, the target (100 %) last.
  const levels = run.thresholds.map((p) => Math.round((targetMs * p) / 100));
  levels.push(targetMs);
  const reachedAt: (number | undefined)[] = levels.map(() => undefined);
  let next = 0;
  let duePeriod = -1;
  let cum = 0;
  for (let i = 0; i < periods.length; i += 2) {
    const from = periods[i] as number;
    const m = businessMs(cal, from, periods[i + 1] as number);
    while (next < levels.length && cum + m >= (levels[next] as number)) {
      const rest = (levels[next] as number) - cum;
      // rest > 0 puts the instant inside (from, to]; a level equal to the previous one shares it.
      reachedAt[next] = rest > 0 ? cal.addMinutes(from, rest / MINUTE_MS) : (reachedAt[next - 1] ?? from);
      if (next === levels.length - 1) duePeriod = i;
      next++;
    }
    cum += m;
  }

  const project = (level: number): number => cal.addMinutes(run.projectFrom, (level - cum) / MINUTE_MS);
  const last = levels.length - 1;
  const dueAt = reachedAt[last] ?? project(targetMs);
  let breachedAt: number | undefined;
  if (duePeriod >= 0) {
    // Breached once the clock runs past the due instant: on in the same period, or in a later one.
    if ((periods[duePeriod + 1] as number) > dueAt) breachedAt = dueAt;
    else if (duePeriod + 2 < periods.length) breachedAt = periods[duePeriod + 2] as number;
  }
  const warnings = run.thresholds.map((threshold, k) => {
    const at = reachedAt[k];
    if (at !== undefined) return { threshold, at, crossed: true };
    return { threshold, at: run.stopped ? undefined : project(levels[k] as number), crossed: false };
  });
  return { elapsedMs: cum, dueAt, dueReached: duePeriod >= 0, breachedAt, warnings };
}
