import type { BusinessCalendar } from "../calendar/compile.js";

/**
 * A business clock over the periods during which it ran: elapsed business time, the instant the
 * target was (or will be) used up, the breach, and the instants warning levels are crossed.
 * Every level is found in business time (addMinutes from the start of the period in which it is
 * reached), so a warning lands while the calendar is open or on a closing, never at midnight
 * on a business-hours calendar.
 *
 * State is decided in business time (MCR-SUP-07): the clock is breached only once the business
 * time elapsed in its periods strictly exceeds the target, so closed time after a target used up
 * on a closing (a reply Monday 20:00 for a due Monday 19:00) breaches nothing. The breach instant
 * is where that excess begins: the first open instant of the periods at or after the position
 * where the target is used up.
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
  /**
   * For an "N business days" target, addBusinessDays(start, N) (the contract's reading of the
   * target); undefined for a minutes target. MCR-SUP-07: such a due instant is reported on an
   * opening, never on a closing: nextOpen of the business-time position, or exactly this instant
   * when the position is its own (no business time paused), so that without pauses the due
   * instant is addBusinessDays(start, N). A minutes target used up on a closing stays there.
   */
  businessDaysDue: number | undefined;
}

export interface ClockOutcome {
  elapsedMs: number;
  dueAt: number;
  /** The target was used up within the periods (dueAt is then history, not a projection). */
  dueReached: boolean;
  /** Defined iff elapsedMs > targetMs: the first open instant past the target in the periods. */
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
  let cum = 0;
  let breachedAt: number | undefined;
  for (let i = 0; i < periods.length; i += 2) {
    const from = periods[i] as number;
    const m = businessMs(cal, from, periods[i + 1] as number);
    while (next < count && cum + m >= (levels[next] as number)) {
      const rest = (levels[next] as number) - cum;
      // rest > 0 puts the instant inside (from, to]; a level equal to the previous one shares it.
      reachedAt[next] = rest > 0 ? cal.addMinutes(from, rest / MINUTE_MS) : (reachedAt[next - 1] ?? from);
      next++;
    }
    // Breached in the first period that takes the elapsed business time strictly past the target
    // (MCR-SUP-07), at the first open instant from where the target is used up: inside this
    // period, or at its start when it was used up exactly at the end of an earlier one. That
    // instant is open and before the period's end, since business time follows it in the period.
    if (breachedAt === undefined && cum + m > targetMs) {
      breachedAt = cal.nextOpen(cum < targetMs ? (reachedAt[count - 1] as number) : from);
    }
    cum += m;
  }

  // Levels not reached are projected from now (or the stop): the clock running on from there.
  const position = reachedAt[count - 1] ?? cal.addMinutes(run.projectFrom, (targetMs - cum) / MINUTE_MS);
  let dueAt = position;
  const contractDue = run.businessDaysDue;
  if (contractDue !== undefined) {
    // A position on a closing is reported at the next opening (MCR-SUP-07), or at the contract's
    // own reading when that is the same business-time position (no open time between them), e.g.
    // a last closing that addBusinessDays keeps when the day closes before the start's wall time.
    const open = cal.nextOpen(position);
    dueAt = position <= contractDue && contractDue <= open ? contractDue : open;
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
  return { elapsedMs: cum, dueAt, dueReached: reachedAt[count - 1] !== undefined, breachedAt, warnings };
}
